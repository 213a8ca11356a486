using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

public sealed record EventPublishedEvent(Guid EventId, EventState State) : IDomainEvent;

public sealed record EventSaleOpenedEvent(Guid EventId) : IDomainEvent;

public sealed record EventEndedEvent(Guid EventId) : IDomainEvent;

public sealed record EventCancelledEvent(Guid EventId) : IDomainEvent;

public sealed record EventSoldOutEvent(Guid EventId) : IDomainEvent;

public sealed record EventBackOnSaleEvent(Guid EventId) : IDomainEvent;
