using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Claims;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Inventory;

public sealed class ClaimRows(ApplicationDbContext context) : IClaimRows
{
    public async Task<Claim?> LockAsync(Guid claimId, CancellationToken cancellationToken)
    {
        var locked = await context.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM claims WHERE id = {claimId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await context.Claims.SingleAsync(c => c.Id == claimId, cancellationToken);
    }

    public async Task<IReadOnlyList<Claim>> LockOverdueAsync(OverdueClaims filter, int count, CancellationToken cancellationToken)
    {
        var seatIds = new NpgsqlParameter("seat_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (filter.SeatIds ?? []).ToArray() };
        var ids = await context.Database.SqlQueryRaw<Guid>(
            """
            SELECT c.id AS "Value" FROM claims c
             WHERE c.status = 'Pending' AND c.expires_at <= @now
               AND NOT (c.expires_at + @card_grace > @now AND EXISTS (
                      SELECT 1 FROM payments p WHERE p.claim_id = c.id AND p.status = 'Pending' AND p.card_amount > 0))
               AND (@event_id IS NULL OR c.event_id = @event_id)
               AND (@ticket_type_id IS NULL OR EXISTS (
                      SELECT 1 FROM claim_items i WHERE i.claim_id = c.id AND i.ticket_type_id = @ticket_type_id))
               AND (cardinality(@seat_ids) = 0 OR EXISTS (
                      SELECT 1 FROM event_seats s WHERE s.claim_id = c.id AND s.id = ANY(@seat_ids)))
             ORDER BY c.expires_at
             LIMIT @count
               FOR UPDATE OF c SKIP LOCKED
            """,
            new NpgsqlParameter("now", filter.Now),
            new NpgsqlParameter("card_grace", filter.CardGrace),
            new NpgsqlParameter("event_id", NpgsqlDbType.Uuid) { Value = (object?)filter.EventId ?? DBNull.Value },
            new NpgsqlParameter("ticket_type_id", NpgsqlDbType.Uuid) { Value = (object?)filter.TicketTypeId ?? DBNull.Value },
            seatIds,
            new NpgsqlParameter("count", count)).ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : await context.Claims.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Claim>> LockExpiringUnwarnedAsync(DateTimeOffset now, TimeSpan notice, int count, CancellationToken cancellationToken)
    {
        var soon = now + notice;
        var ids = await context.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM claims
             WHERE status = 'Pending' AND expiry_warned_at IS NULL AND expires_at > {now} AND expires_at <= {soon}
             ORDER BY expires_at
             LIMIT {count}
               FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : await context.Claims.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
    }
}
