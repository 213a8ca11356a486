using MediatR;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.EventHandlers;

/// <summary>Mails a password reset token. The token stays out of the subject line, which mail logs and previews show.</summary>
public sealed class SendPasswordResetToken(IEmailSender email, TimeProvider timeProvider)
    : INotificationHandler<DomainEventNotification<PasswordResetRequestedEvent>>
{
    public Task Handle(DomainEventNotification<PasswordResetRequestedEvent> notification, CancellationToken cancellationToken)
    {
        var requested = notification.DomainEvent;

        // Retries of a failing mail server can outlast a token; an expired one would only confuse.
        if (requested.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return Task.CompletedTask;
        }

        return email.SendAsync(
            new EmailMessage(
                requested.Email,
                "Reset your Ticketing password",
                "Somebody asked to reset the password of your Ticketing account. To choose a new one, use this reset token:\n\n"
                + $"{requested.Token}\n\n"
                + $"It works once, until {requested.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, and only until a newer one is asked for. "
                + "Resetting signs you out everywhere. If you did not ask for it, ignore this message: your password stays as it is.\n"),
            cancellationToken);
    }
}
