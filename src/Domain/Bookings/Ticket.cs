using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

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

    public Guid? CheckedInBy { get; private set; }

    /// <summary>Where it was scanned (a gate or door name), when the scanner said.</summary>
    public string? CheckedInAtGate { get; private set; }

    /// <summary>
    /// Admits the holder, once and only while the event's doors are open (invariant 9): a second scan is refused
    /// with when and where the first was. A cancelled or ended event admits nobody: a cancelled event's tickets are
    /// being refunded, and a ticket used in the meantime would never be.
    /// </summary>
    public void CheckIn(EventState eventState, DoorWindow doors, DateTimeOffset now, Guid scannedBy, string? gate)
    {
        switch (Status)
        {
            case TicketStatus.CheckedIn:
                throw new DomainException(
                    Errors.AlreadyCheckedIn,
                    $"Already checked in at {CheckedInAt!.Value.ToIso()}{(CheckedInAtGate is null ? string.Empty : $" ({CheckedInAtGate})")}.");
            case TicketStatus.Void:
                throw new DomainException(Errors.InvalidState, "The ticket is void (its booking was cancelled).");
        }

        if (eventState is not (EventState.Scheduled or EventState.OnSale or EventState.SoldOut))
        {
            throw new DomainException(Errors.InvalidState, $"The event is {eventState.ToString().ToLowerInvariant()}; its tickets no longer check in.");
        }

        doors.EnsureOpen(now);

        Status = TicketStatus.CheckedIn;
        CheckedInAt = now;
        CheckedInBy = scannedBy;
        CheckedInAtGate = gate;
    }

    /// <summary>Voids the ticket if it is still unused; says whether it did (a used ticket stays used).</summary>
    internal bool TryVoid()
    {
        if (Status != TicketStatus.Valid)
        {
            return false;
        }

        Status = TicketStatus.Void;
        return true;
    }
}


public enum TicketStatus
{
    Valid,
    CheckedIn,
    Void,
}
