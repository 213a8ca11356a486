using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Inventory;

/// <summary>
/// What one taking of stock is for, whoever takes it (a claim holds it, the box office sells it): a quantity of one
/// ticket type at its current price, and the seats when seated.
/// </summary>
public sealed record SaleLine(Guid TicketTypeId, int Quantity, Money UnitPrice, IReadOnlyList<SaleSeat> Seats)
{
    public IEnumerable<Guid> SeatIds => Seats.Select(s => s.SeatId);

    public ClaimLine ToClaimLine() => new(TicketTypeId, Quantity, UnitPrice, SeatIds.ToList());

    public BoxOfficeLine ToBoxOfficeLine() => new(TicketTypeId, Quantity, UnitPrice, Seats.Select(s => new BoxOfficeSeat(s.SeatId, s.Label)).ToList());
}

/// <summary>A seat of a sale line, with the label printed on its ticket.</summary>
public sealed record SaleSeat(Guid SeatId, string Label);
