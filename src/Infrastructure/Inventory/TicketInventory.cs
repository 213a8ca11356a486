using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Inventory;

/// <summary>
/// The only code that moves stock. Every method is one statement in the caller's transaction, conditional where it
/// takes, so concurrent claims cannot oversell; ck_ticket_types_inventory stands behind it.
/// </summary>
public sealed class TicketInventory(ApplicationDbContext context) : IInventory
{
    public async Task<int?> TryHoldAsync(Guid ticketTypeId, int quantity, CancellationToken cancellationToken)
    {
        // Not composed (no Single/First), so EF sends the statement as written rather than as a subquery.
        var left = await context.Database.SqlQuery<int>($"""
            UPDATE ticket_types SET held = held + {quantity}
             WHERE id = {ticketTypeId} AND sold + held + {quantity} <= capacity
            RETURNING capacity - sold - held AS "Value"
            """).ToListAsync(cancellationToken);
        return left.Count == 1 ? left[0] : null;
    }

    public int? TryHold(Guid ticketTypeId, int quantity)
    {
        var left = context.Database.SqlQuery<int>($"""
            UPDATE ticket_types SET held = held + {quantity}
             WHERE id = {ticketTypeId} AND sold + held + {quantity} <= capacity
            RETURNING capacity - sold - held AS "Value"
            """).ToList();
        return left.Count == 1 ? left[0] : null;
    }

    public Task<int> HoldSeatsAsync(Guid eventId, Guid claimId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken)
    {
        // Lock the requested seats that are still free (in id order, so overlapping requests cannot deadlock); take
        // them only if that is all of them. A seat taken by a concurrent claim drops out of "free" once it commits.
        var ids = SeatIds(seatIds);
        return context.Database.ExecuteSqlRawAsync(
            """
            WITH free AS (
                SELECT id FROM event_seats
                 WHERE event_id = @event_id AND id = ANY(@ids) AND status = 'Available'
                 ORDER BY id
                   FOR UPDATE),
            complete AS (SELECT count(*) = cardinality(@ids) AS yes FROM free)
            UPDATE event_seats s SET status = 'Held', claim_id = @claim_id
              FROM free, complete
             WHERE s.id = free.id AND complete.yes
            """,
            [new NpgsqlParameter("event_id", eventId), new NpgsqlParameter("claim_id", claimId), ids],
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, int>> AvailableOfTypesAsync(
        IReadOnlyCollection<Guid> ticketTypeIds, bool lockRows, CancellationToken cancellationToken)
    {
        var ids = new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ticketTypeIds.ToArray() };
        var rows = await context.Database.SqlQueryRaw<TypeStock>(
            lockRows
                ? "SELECT id, capacity - sold - held AS available FROM ticket_types WHERE id = ANY(@ids) ORDER BY id FOR UPDATE"
                : "SELECT id, capacity - sold - held AS available FROM ticket_types WHERE id = ANY(@ids)",
            ids).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Available);
    }

    public async Task<IReadOnlySet<Guid>> LockAvailableSeatsAsync(Guid eventId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken)
    {
        var free = await context.Database.SqlQueryRaw<Guid>(
            """
            SELECT id AS "Value" FROM event_seats
             WHERE event_id = @event_id AND id = ANY(@ids) AND status = 'Available'
             ORDER BY id
               FOR UPDATE
            """,
            new NpgsqlParameter("event_id", eventId), SeatIds(seatIds)).ToListAsync(cancellationToken);
        return free.ToHashSet();
    }

    public Task<int> HoldSeatsForAsync(Guid eventId, IReadOnlyList<(Guid SeatId, Guid ClaimId)> seats, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(
            """
            UPDATE event_seats s SET status = 'Held', claim_id = v.claim_id
              FROM unnest(@ids, @claim_ids) AS v(seat_id, claim_id)
             WHERE s.id = v.seat_id AND s.event_id = @event_id AND s.status = 'Available'
            """,
            [
                new NpgsqlParameter("event_id", eventId),
                SeatIds(seats.Select(s => s.SeatId).ToList()),
                new NpgsqlParameter("claim_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seats.Select(s => s.ClaimId).ToArray() },
            ],
            cancellationToken);

    public async Task<IReadOnlyList<Guid>> UnavailableSeatsAsync(Guid eventId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken)
    {
        var requested = seatIds.ToArray();
        return await context.EventSeats.AsNoTracking()
            .Where(s => s.EventId == eventId && requested.Contains(s.Id) && s.Status != Domain.Events.SeatStatus.Available)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task ReleaseAsync(Guid claimId, IReadOnlyList<(Guid TicketTypeId, int Quantity)> items, CancellationToken cancellationToken)
    {
        foreach (var (ticketTypeId, quantity) in items)
        {
            await context.Database.ExecuteSqlAsync(
                $"UPDATE ticket_types SET held = held - {quantity} WHERE id = {ticketTypeId}", cancellationToken);
        }

        await FreeHeldSeatsAsync(claimId, cancellationToken);
    }

    public Task SellHeldSeatsAsync(Guid claimId, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync(
            $"UPDATE event_seats SET status = 'Sold', claim_id = NULL WHERE claim_id = {claimId} AND status = 'Held'", cancellationToken);

    public Task FreeHeldSeatsAsync(Guid claimId, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync(
            $"UPDATE event_seats SET status = 'Available', claim_id = NULL WHERE claim_id = {claimId} AND status = 'Held'", cancellationToken);

    public void MoveHeld(IReadOnlyList<(Guid TicketTypeId, int Quantity)> items, bool sold)
    {
        // In PostgreSQL's uuid order, as every other writer of several types takes them.
        foreach (var (ticketTypeId, quantity) in items.OrderBy(i => i.TicketTypeId.ToString(), StringComparer.Ordinal))
        {
            context.Database.ExecuteSql(
                $"UPDATE ticket_types SET held = held - {quantity}, sold = sold + {(sold ? quantity : 0)} WHERE id = {ticketTypeId}");
        }
    }

    public async Task<bool> TrySellAsync(Guid ticketTypeId, int quantity, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"""
            UPDATE ticket_types SET sold = sold + {quantity}
             WHERE id = {ticketTypeId} AND sold + held + {quantity} <= capacity
            """, cancellationToken) == 1;

    public Task<int> SellSeatsAsync(Guid eventId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(
            """
            WITH free AS (
                SELECT id FROM event_seats
                 WHERE event_id = @event_id AND id = ANY(@ids) AND status = 'Available'
                 ORDER BY id
                   FOR UPDATE),
            complete AS (SELECT count(*) = cardinality(@ids) AS yes FROM free)
            UPDATE event_seats s SET status = 'Sold'
              FROM free, complete
             WHERE s.id = free.id AND complete.yes
            """,
            [new NpgsqlParameter("event_id", eventId), SeatIds(seatIds)],
            cancellationToken);

    public async Task ReturnSoldAsync(IReadOnlyList<(Guid TicketTypeId, int Quantity)> items, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken)
    {
        foreach (var (ticketTypeId, quantity) in items)
        {
            await context.Database.ExecuteSqlAsync(
                $"UPDATE ticket_types SET sold = sold - {quantity} WHERE id = {ticketTypeId}", cancellationToken);
        }

        if (seatIds.Count > 0)
        {
            await context.Database.ExecuteSqlRawAsync(
                "UPDATE event_seats SET status = 'Available' WHERE id = ANY(@ids) AND status = 'Sold'", [SeatIds(seatIds)], cancellationToken);
        }
    }

    public async Task<int> AvailableAsync(Guid eventId, CancellationToken cancellationToken) =>
        await context.Database.SqlQuery<int>(
            $"SELECT coalesce(sum(capacity - sold - held), 0)::int AS \"Value\" FROM ticket_types WHERE event_id = {eventId}")
            .SingleAsync(cancellationToken);

    public async Task<int> AvailableOfTypeAsync(Guid ticketTypeId, CancellationToken cancellationToken) =>
        await context.Database.SqlQuery<int>(
            $"SELECT (capacity - sold - held) AS \"Value\" FROM ticket_types WHERE id = {ticketTypeId}")
            .SingleAsync(cancellationToken);

    public async Task<IReadOnlyList<HeldDrift>> RepairHeldAsync(CancellationToken cancellationToken) =>
        await context.Database.SqlQuery<HeldDrift>($"""
            WITH pending AS (
                SELECT t.id, t.held,
                       coalesce(sum(i.quantity) FILTER (WHERE c.status = 'Pending'), 0)::int AS quantity
                  FROM ticket_types t
                  LEFT JOIN claim_items i ON i.ticket_type_id = t.id
                  LEFT JOIN claims c ON c.id = i.claim_id
                 GROUP BY t.id, t.held)
            UPDATE ticket_types t SET held = pending.quantity
              FROM pending
             WHERE t.id = pending.id AND t.held <> pending.quantity
               AND t.held = pending.held
            RETURNING t.id AS ticket_type_id, pending.held AS was, pending.quantity AS now
            """).ToListAsync(cancellationToken);

    public Task<int> ReleaseOrphanedSeatsAsync(CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync($"""
            UPDATE event_seats s SET status = 'Available', claim_id = NULL
              FROM claims c
             WHERE s.claim_id = c.id AND s.status = 'Held' AND c.status <> 'Pending'
            """, cancellationToken);

    public async Task<IReadOnlyList<SoldDrift>> FindSoldDriftAsync(CancellationToken cancellationToken) =>
        await context.Database.SqlQuery<SoldDrift>($"""
            SELECT t.id AS ticket_type_id, t.sold AS sold, count(k.id)::int AS valid_tickets
              FROM ticket_types t
              LEFT JOIN tickets k ON k.ticket_type_id = t.id AND k.status <> 'Void'
             GROUP BY t.id, t.sold
            HAVING t.sold <> count(k.id)
            """).ToListAsync(cancellationToken);

    private static NpgsqlParameter SeatIds(IReadOnlyCollection<Guid> seatIds) =>
        new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seatIds.ToArray() };
}

/// <summary>A row of <see cref="TicketInventory.AvailableOfTypesAsync"/>.</summary>
internal sealed record TypeStock(Guid Id, int Available);
