using MediatR;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.EventHandlers;

/// <summary>Mails a sign-in code. The code stays out of the subject line, which mail logs and previews show.</summary>
public sealed class SendOneTimeCode(IEmailSender email, TimeProvider timeProvider)
    : INotificationHandler<DomainEventNotification<OneTimeCodeIssuedEvent>>
{
    public Task Handle(DomainEventNotification<OneTimeCodeIssuedEvent> notification, CancellationToken cancellationToken)
    {
        var issued = notification.DomainEvent;

        // Retries of a failing mail server can outlast a code; an expired one would only confuse.
        if (issued.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return Task.CompletedTask;
        }

        return email.SendAsync(
            new EmailMessage(
                issued.Email,
                "Your Ticketing sign-in code",
                $"Your sign-in code is {issued.Code}\n\n"
                + $"It works once, until {issued.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. If you did not ask for it, you can "
                + "ignore this message.\n"),
            cancellationToken);
    }
}
