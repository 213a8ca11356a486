using Ticketing.Domain.Common;

namespace Ticketing.Domain.Queue;

public sealed record CustomerAdmittedEvent(Guid EntryId, Guid EventId, Guid CustomerId, DateTimeOffset ExpiresAt) : IDomainEvent;
