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

    public Guid? CheckedInBy { get; private set; }

    /// <summary>Where it was scanned (a gate or door name), when the scanner said.</summary>
    public string? CheckedInAtGate { get; private set; }

    /// <summary>Admits the holder, once (invariant 9): a second scan is refused with when and where the first was.</summary>
    public void CheckIn(DateTimeOffset now, Guid scannedBy, string? gate)
    {
        switch (Status)
        {
            case TicketStatus.CheckedIn:
                throw new DomainException(
                    TicketErrorCodes.AlreadyCheckedIn,
                    $"Already checked in at {CheckedInAt:O}{(CheckedInAtGate is null ? string.Empty : $" ({CheckedInAtGate})")}.");
            case TicketStatus.Void:
                throw new DomainException(DomainErrorCodes.InvalidState, "The ticket is void (its booking was cancelled).");
        }

        Status = TicketStatus.CheckedIn;
        CheckedInAt = now;
        CheckedInBy = scannedBy;
        CheckedInAtGate = gate;
    }

    internal void Void()
    {
        if (Status == TicketStatus.Valid)
        {
            Status = TicketStatus.Void;
        }
    }
}

public static class TicketErrorCodes
{
    public const string AlreadyCheckedIn = "ALREADY_CHECKED_IN";
}

public enum TicketStatus
{
    Valid,
    CheckedIn,
    Void,
}
