using MediatR;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.EventHandlers;

/// <summary>
/// A live connection was authenticated once, when it opened; after that only this stops it. From the outbox, so a
/// revocation reaches every WebApi instance even if the request that revoked the session dies right after.
/// </summary>
public sealed class CloseLiveConnections(ILiveNotifier live) : INotificationHandler<DomainEventNotification<AuthSessionRevokedEvent>>
{
    public Task Handle(DomainEventNotification<AuthSessionRevokedEvent> notification, CancellationToken cancellationToken) =>
        live.PublishAsync(LiveMessage.SessionEnded(notification.DomainEvent.SessionId), cancellationToken);
}
