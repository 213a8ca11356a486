using MediatR;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Live;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Claims.EventHandlers;

/// <summary>Domain events that customers should hear about at once, forwarded from the outbox to their live connections.</summary>
public sealed class LivePushes(ILiveNotifier live, IAdmissionTokens tokens)
    : INotificationHandler<DomainEventNotification<CustomerAdmittedEvent>>,
      INotificationHandler<DomainEventNotification<ClaimExpiringEvent>>,
      INotificationHandler<DomainEventNotification<EventSoldOutEvent>>
{
    public Task Handle(DomainEventNotification<CustomerAdmittedEvent> notification, CancellationToken cancellationToken)
    {
        var admitted = notification.DomainEvent;

        // The same token GET .../queue/me returns: tokens are a pure function of the admission.
        var token = tokens.Issue(new AdmissionTicket(admitted.EntryId, admitted.EventId, admitted.CustomerId, admitted.ExpiresAt));
        return live.PublishAsync(
            new LiveMessage(LiveMessage.Customer(admitted.CustomerId), "admitted", new AdmittedPush(admitted.EventId, token, admitted.ExpiresAt)),
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<ClaimExpiringEvent> notification, CancellationToken cancellationToken)
    {
        var expiring = notification.DomainEvent;
        return live.PublishAsync(
            new LiveMessage(LiveMessage.Customer(expiring.CustomerId), "claimExpiring", new ClaimExpiringPush(expiring.ClaimId, expiring.ExpiresAt)),
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<EventSoldOutEvent> notification, CancellationToken cancellationToken) =>
        live.PublishAsync(
            new LiveMessage(LiveMessage.EventQueue(notification.DomainEvent.EventId), "soldOut", new SoldOutPush(notification.DomainEvent.EventId)),
            cancellationToken);
}
