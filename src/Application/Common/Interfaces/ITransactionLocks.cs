namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// PostgreSQL advisory locks held until the current transaction ends: they serialise work that has no single row
/// to lock (one customer's claims on an event; one event's admissions across Worker instances).
/// </summary>
public interface ITransactionLocks
{
    Task AcquireAsync(string scope, Guid first, Guid? second, CancellationToken cancellationToken);

    /// <summary>
    /// The locks <see cref="AcquireAsync"/> takes for each of <paramref name="seconds"/>, in one round trip and in one
    /// fixed order, so two callers wanting overlapping sets cannot deadlock.
    /// </summary>
    Task AcquireAllAsync(string scope, Guid first, IReadOnlyCollection<Guid> seconds, CancellationToken cancellationToken);
}
