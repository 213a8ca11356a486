using Ticketing.Domain.Common;

namespace Ticketing.Domain.Claims;

/// <summary>A quantity of one ticket type at the price quoted when the claim was made; seats list which ones.</summary>
public sealed class ClaimItem : Entity
{
    private ClaimItem()
    {
        SeatIds = [];
    }

    internal ClaimItem(Guid claimId, Guid ticketTypeId, int quantity, Money unitPrice, IReadOnlyList<Guid> seatIds)
    {
        ClaimId = claimId;
        TicketTypeId = ticketTypeId;
        Quantity = quantity;
        UnitPrice = unitPrice;
        SeatIds = seatIds.ToList();
    }

    public Guid ClaimId { get; private set; }

    public Guid TicketTypeId { get; private set; }

    public int Quantity { get; private set; }

    public Money UnitPrice { get; private set; }

    public List<Guid> SeatIds { get; private set; }

    public Money Subtotal => UnitPrice * Quantity;
}
