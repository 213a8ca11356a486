namespace Ticketing.Domain.Common;

/// <summary>
/// Something that happened in the domain. Events are written to the outbox in the same transaction as
/// the change that raised them and dispatched by the Worker, so they must serialise to JSON.
/// </summary>
public interface IDomainEvent;
