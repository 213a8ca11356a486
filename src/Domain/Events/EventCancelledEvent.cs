using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

public sealed record EventCancelledEvent(Guid EventId) : IDomainEvent;
