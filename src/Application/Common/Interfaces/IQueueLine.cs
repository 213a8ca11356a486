using Ticketing.Domain.Queue;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>The queue_entries table where order and locking matter; plain reads and writes go through the DbContext.</summary>
public interface IQueueLine
{
    /// <summary>A place at the back of every line: a database sequence that starts above any pre-queue draw.</summary>
    Task<long> NextOrdinalAsync(CancellationToken cancellationToken);

    /// <summary>The next waiting entries of an event in line order, locked (FOR UPDATE SKIP LOCKED) and tracked.</summary>
    Task<IReadOnlyList<QueueEntry>> LockNextWaitingAsync(Guid eventId, int count, CancellationToken cancellationToken);

    /// <summary>Admitted entries whose window has passed, locked (SKIP LOCKED) and tracked.</summary>
    Task<IReadOnlyList<QueueEntry>> LockLapsedAdmissionsAsync(DateTimeOffset now, int count, CancellationToken cancellationToken);

    /// <summary>Waiting entries with a place ahead of <paramref name="ordinal"/>, as of at most Queue:PositionMaxAge ago.</summary>
    Task<int> CountAheadAsync(Guid eventId, long ordinal, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the event's row (FOR KEY SHARE) until the transaction ends, so the sale-opening draw waits for this
    /// pre-queue join; once it returns, a fresh read of the event shows whether the draw already happened.
    /// </summary>
    Task HoldOffDrawAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the event's row (FOR UPDATE) until the transaction ends: waits for every pre-queue join in flight and
    /// makes later ones wait, so the draw reads the complete pre-queue.
    /// </summary>
    Task LockForDrawAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>Gives each drawn pre-queue entry its rank (1…n) in one statement.</summary>
    Task PlaceDrawAsync(IReadOnlyList<Guid> entryIdsInOrder, CancellationToken cancellationToken);
}
