using Ticketing.Domain.Common;

namespace Ticketing.Domain.Bookings;

/// <summary>One admission to an event: Valid → CheckedIn (once, invariant 9); Valid → Void (booking cancelled).</summary>
public sealed class Ticket : Entity
{
    private Ticket()
    {
    }

    internal Ticket(Booking booking, Guid ticketTypeId, Money price, Guid? seatId, string? seatLabel)
    {
        BookingId = booking.Id;
        EventId = booking.EventId;
        TicketTypeId = ticketTypeId;
        Price = price;
        SeatId = seatId;
        SeatLabel = seatLabel;
        Status = TicketStatus.Valid;
    }

    public Guid BookingId { get; private set; }

    public Guid EventId { get; private set; }

    public Guid TicketTypeId { get; private set; }

    public Money Price { get; private set; }

    public Guid? SeatId { get; private set; }

    /// <summary>Section, row and number, for people ("Stalls B 7").</summary>
    public string? SeatLabel { get; private set; }

    public TicketStatus Status { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    internal void Void()
    {
        if (Status == TicketStatus.Valid)
        {
            Status = TicketStatus.Void;
        }
    }
}

public enum TicketStatus
{
    Valid,
    CheckedIn,
    Void,
}
