using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

/// <summary>
/// One seat of a seated event, made when the event is published (one row per seat of its venue). Its status
/// changes only through conditional SQL updates of exactly the requested seats (invariant 2).
/// </summary>
public sealed class EventSeat : Entity
{
    private EventSeat()
    {
        Section = Row = string.Empty;
    }

    public Guid EventId { get; private set; }

    /// <summary>The seat-type ticket type this seat is sold under.</summary>
    public Guid TicketTypeId { get; private set; }

    public string Section { get; private set; }

    public int SectionPosition { get; private set; }

    public string Row { get; private set; }

    public int RowPosition { get; private set; }

    public int Number { get; private set; }

    public SeatStatus Status { get; private set; }

    /// <summary>The claim holding the seat, while Held.</summary>
    public Guid? ClaimId { get; private set; }
}

public enum SeatStatus
{
    Available,
    Held,
    Sold,
}
