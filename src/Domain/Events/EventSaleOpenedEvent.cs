using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

public sealed record EventSaleOpenedEvent(Guid EventId) : IDomainEvent;
