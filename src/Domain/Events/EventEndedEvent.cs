using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

public sealed record EventEndedEvent(Guid EventId) : IDomainEvent;
