using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ticketing.Domain.Queue;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Queue;

/// <summary>
/// Places in line without counting the line for every poll. Counting the waiting entries ahead is exact but costs
/// time in proportion to the place: at 50,000 waiting, milliseconds of database time per poll, more than two cores
/// can give to thousands of polls a second. Instead each event's waiting ordinals are read, sorted, at most once per
/// <see cref="QueueOptions.PositionMaxAge"/> — by one request while the others wait for the same read — and a
/// place is a binary search in them. The price is written in the option: a place may be that old.
/// </summary>
public sealed class QueuePositions(IServiceScopeFactory scopes, IOptions<QueueOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, Snapshot> _snapshots = new();

    /// <summary>Waiting entries of the event with a place before <paramref name="ordinal"/>.</summary>
    public async Task<int> CountAheadAsync(Guid eventId, long ordinal, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var snapshot = _snapshots.AddOrUpdate(
            eventId,
            _ => Snapshot.Of(() => LoadAsync(eventId), now),
            (_, current) => current.IsFresh(now, options.Value.PositionMaxAge) ? current : Snapshot.Of(() => LoadAsync(eventId), now));
        snapshot.LastRead = now;
        var ordinals = await snapshot.Ordinals.Value.WaitAsync(cancellationToken);
        var found = Array.BinarySearch(ordinals, ordinal);
        return found >= 0 ? found : ~found;
    }

    private async Task<long[]> LoadAsync(Guid eventId)
    {
        ForgetUnused();
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        // Not the caller's token: other requests wait for this read too.
        return await context.QueueEntries.AsNoTracking()
            .Where(q => q.EventId == eventId && q.Status == QueueEntryStatus.Waiting && q.Ordinal != null)
            .OrderBy(q => q.Ordinal)
            .Select(q => q.Ordinal!.Value)
            .ToArrayAsync(CancellationToken.None);
    }

    /// <summary>Events whose line nobody asked about for a while (sold, ended) give their memory back.</summary>
    private void ForgetUnused()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (eventId, snapshot) in _snapshots)
        {
            if (now - snapshot.LastRead > Unused)
            {
                _snapshots.TryRemove(new KeyValuePair<Guid, Snapshot>(eventId, snapshot));
            }
        }
    }

    /// <summary>
    /// One read of a line. Lazy, so that of several requests racing to replace a stale snapshot only the one whose
    /// snapshot is kept starts a read.
    /// </summary>
    private sealed class Snapshot(Lazy<Task<long[]>> ordinals, DateTimeOffset takenAt)
    {
        public Lazy<Task<long[]>> Ordinals { get; } = ordinals;

        public DateTimeOffset TakenAt { get; } = takenAt;

        public DateTimeOffset LastRead { get; set; } = takenAt;

        public static Snapshot Of(Func<Task<long[]>> load, DateTimeOffset now) => new(new Lazy<Task<long[]>>(load), now);

        public bool IsFresh(DateTimeOffset now, TimeSpan maxAge) =>
            now - TakenAt < maxAge && !(Ordinals.IsValueCreated && Ordinals.Value.IsFaulted);
    }
}
