namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// PostgreSQL advisory locks held until the current transaction ends: they serialise work that has no single row
/// to lock (one customer's claims on an event; one event's admissions across Worker instances).
/// </summary>
public interface ITransactionLocks
{
    Task AcquireAsync(string scope, Guid first, Guid? second, CancellationToken cancellationToken);
}
