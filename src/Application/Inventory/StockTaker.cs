using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Inventory;

/// <summary>
/// The one place a request for tickets becomes <see cref="SaleLine"/>s, and where stock is sold outright. Holding for
/// claims goes through <see cref="ClaimBatcher"/>, which decides many claims against the same lines and refusals.
/// </summary>
public sealed class StockTaker(IApplicationDbContext context, IInventory inventory, ClaimExpiry expiry, EventAvailability availability)
{
    /// <summary>
    /// A quantity of a general-admission type, or specific seats grouped by their type, priced now. Validation errors
    /// name what the caller asked for; <paramref name="verb"/> ("claim", "sell") says what to ask for instead.
    /// </summary>
    public async Task<IReadOnlyList<SaleLine>> PlanAsync(
        Event @event, Guid? ticketTypeId, int? quantity, IReadOnlyList<Guid>? seatIds, string verb, CancellationToken cancellationToken)
    {
        if (seatIds is { Count: > 0 })
        {
            if (!@event.IsSeated)
            {
                throw new ValidationException("SeatIds", $"This is a general-admission event: {verb} a ticket type and quantity.");
            }

            var seats = await context.EventSeats.AsNoTracking()
                .Where(s => s.EventId == @event.Id && seatIds.Contains(s.Id))
                .Select(s => new { s.Id, s.TicketTypeId, Label = s.Section + " " + s.Row + " " + s.Number })
                .ToListAsync(cancellationToken);
            var unknown = seatIds.Except(seats.Select(s => s.Id)).ToList();
            if (unknown.Count > 0)
            {
                throw new ValidationException("SeatIds", $"Not seats of this event: {string.Join(", ", unknown)}.");
            }

            return seats.GroupBy(s => s.TicketTypeId)
                .Select(g => new SaleLine(
                    g.Key, g.Count(), @event.TicketTypes.Single(t => t.Id == g.Key).Price, g.Select(s => new SaleSeat(s.Id, s.Label)).ToList()))
                .ToList();
        }

        var ticketType = @event.TicketTypes.SingleOrDefault(t => t.Id == ticketTypeId)
            ?? throw new ValidationException("TicketTypeId", "Not a ticket type of this event.");
        if (ticketType.SeatType is not null)
        {
            throw new ValidationException("SeatIds", $"This is a seated event: {verb} specific seats.");
        }

        return [new SaleLine(ticketType.Id, quantity!.Value, ticketType.Price, [])];
    }

    /// <summary>
    /// Sells the lines outright in the caller's transaction — seats all or nothing, then one conditional update per
    /// type — freeing overdue claims for exactly this stock before refusing with SEATS_UNAVAILABLE, SOLD_OUT or
    /// INSUFFICIENT_INVENTORY.
    /// </summary>
    public async Task SellAsync(Guid eventId, IReadOnlyList<SaleLine> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seatIds = lines.SelectMany(l => l.SeatIds).ToList();
        if (seatIds.Count > 0 && await inventory.SellSeatsAsync(eventId, seatIds, cancellationToken) == 0)
        {
            await expiry.ExpireAsync(new OverdueClaims(now, eventId, SeatIds: seatIds), 100, cancellationToken);
            if (await inventory.SellSeatsAsync(eventId, seatIds, cancellationToken) == 0)
            {
                throw StockRefusals.SeatsTaken(await inventory.UnavailableSeatsAsync(eventId, seatIds, cancellationToken));
            }
        }

        foreach (var line in lines)
        {
            if (await inventory.TrySellAsync(line.TicketTypeId, line.Quantity, cancellationToken))
            {
                continue;
            }

            await expiry.ExpireAsync(new OverdueClaims(now, eventId, line.TicketTypeId), 100, cancellationToken);
            if (!await inventory.TrySellAsync(line.TicketTypeId, line.Quantity, cancellationToken))
            {
                throw StockRefusals.NotEnough(await inventory.AvailableOfTypeAsync(line.TicketTypeId, cancellationToken));
            }
        }

        availability.FollowAfterCommit(eventId);
    }
}
