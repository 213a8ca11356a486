using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

public sealed record EventSoldOutEvent(Guid EventId) : IDomainEvent;
