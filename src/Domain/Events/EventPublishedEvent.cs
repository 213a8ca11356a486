using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

public sealed record EventPublishedEvent(Guid EventId, EventState State) : IDomainEvent;
