using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Queue;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Data.Configurations;

namespace Ticketing.Infrastructure.Queue;

public sealed class QueueLine(ApplicationDbContext context, QueuePositions positions) : IQueueLine
{
    public async Task<long> NextOrdinalAsync(CancellationToken cancellationToken) =>
        await context.Database
            .SqlQueryRaw<long>($"SELECT nextval('{QueueEntryConfiguration.OrdinalSequence}') AS \"Value\"")
            .SingleAsync(cancellationToken);

    public async Task<IReadOnlyList<QueueEntry>> LockNextWaitingAsync(Guid eventId, int count, CancellationToken cancellationToken)
    {
        var ids = await context.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM queue_entries
             WHERE event_id = {eventId} AND status = 'Waiting' AND ordinal IS NOT NULL
             ORDER BY ordinal
             LIMIT {count}
               FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return await TrackedAsync(ids, cancellationToken);
    }

    public async Task<IReadOnlyList<QueueEntry>> LockLapsedAdmissionsAsync(DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var ids = await context.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM queue_entries
             WHERE status = 'Admitted' AND admission_expires_at <= {now}
             ORDER BY admission_expires_at
             LIMIT {count}
               FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return await TrackedAsync(ids, cancellationToken);
    }

    public Task<int> CountAheadAsync(Guid eventId, long ordinal, CancellationToken cancellationToken) =>
        positions.CountAheadAsync(eventId, ordinal, cancellationToken);

    public async Task HoldOffDrawAsync(Guid eventId, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"SELECT 1 FROM events WHERE id = {eventId} FOR KEY SHARE", cancellationToken);

    public async Task LockForDrawAsync(Guid eventId, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"SELECT 1 FROM events WHERE id = {eventId} FOR UPDATE", cancellationToken);

    public async Task PlaceDrawAsync(IReadOnlyList<Guid> entryIdsInOrder, CancellationToken cancellationToken)
    {
        if (entryIdsInOrder.Count == 0)
        {
            return;
        }

        // One statement for the whole pre-queue: the array position is the rank.
        var ids = new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = entryIdsInOrder.ToArray() };
        await context.Database.ExecuteSqlRawAsync(
            """
            UPDATE queue_entries q SET ordinal = drawn.rank
              FROM unnest(@ids) WITH ORDINALITY AS drawn(id, rank)
             WHERE q.id = drawn.id AND q.ordinal IS NULL
            """,
            [ids],
            cancellationToken);
    }

    private async Task<IReadOnlyList<QueueEntry>> TrackedAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await context.QueueEntries.Where(q => ids.Contains(q.Id)).OrderBy(q => q.Ordinal).ToListAsync(cancellationToken);
}
