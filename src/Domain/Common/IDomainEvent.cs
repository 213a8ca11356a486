namespace Ticketing.Domain.Common;

/// <summary>
/// Something that happened in the domain. Events are written to the outbox in the same transaction as
/// the change that raised them and dispatched by the Worker, so they must serialise to JSON and back: they carry
/// only ids, numbers, strings, times and enums (money as minor units and a currency code), never domain objects.
/// </summary>
public interface IDomainEvent;
