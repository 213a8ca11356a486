using MediatR;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.EventHandlers;

/// <summary>Greets a new account by email, from the outbox, so a slow mail server never slows sign-up.</summary>
public sealed class SendWelcomeEmail(IEmailSender email) : INotificationHandler<DomainEventNotification<UserRegisteredEvent>>
{
    public Task Handle(DomainEventNotification<UserRegisteredEvent> notification, CancellationToken cancellationToken)
    {
        var registered = notification.DomainEvent;
        return email.SendAsync(
            new EmailMessage(
                registered.Email,
                "Welcome to Ticketing",
                $"Hello {registered.DisplayName},\n\nyour Ticketing account is ready. Sign in with {registered.Email}.\n"),
            cancellationToken);
    }
}
