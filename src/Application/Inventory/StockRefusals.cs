using Ticketing.Domain.Common;

namespace Ticketing.Application.Inventory;

/// <summary>How a taking of stock is refused once the overdue claims for exactly that stock were freed: the same codes for every taker.</summary>
public static class StockRefusals
{
    public static DomainException NotEnough(int available) => available == 0
        ? new DomainException(Errors.SoldOut, "This ticket type is sold out.")
        : new DomainException(Errors.InsufficientInventory, $"Only {available} left of this ticket type.");

    public static DomainException SeatsTaken(IEnumerable<Guid> seatIds) =>
        new(Errors.SeatsUnavailable, $"These seats are taken: {string.Join(", ", seatIds)}.");
}
