using Ticketing.Domain.Common;
using Ticketing.Domain.Venues;

namespace Ticketing.Domain.Events;

/// <summary>
/// What an event sells: a general-admission quantity, or the seats of one seat type of a seated venue.
/// <see cref="Held"/> is the quantity in Pending claims and <see cref="Sold"/> the valid tickets; both change only
/// through single conditional SQL updates (invariant 1: sold + held ≤ capacity, with a CHECK behind it).
/// </summary>
public sealed class TicketType : Entity
{
    private TicketType()
    {
        Name = string.Empty;
    }

    internal TicketType(Guid eventId, string name, Money price, int capacity, SeatType? seatType)
    {
        EventId = eventId;
        Name = name;
        Price = price;
        Capacity = capacity;
        SeatType = seatType;
    }

    public Guid EventId { get; private set; }

    public string Name { get; private set; }

    public Money Price { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>Set when the type stands for the seats of this seat type.</summary>
    public SeatType? SeatType { get; private set; }

    public int Sold { get; private set; }

    public int Held { get; private set; }

    public int Available => Capacity - Sold - Held;

    internal void Redefine(string name, Money price, int capacity)
    {
        Name = name;
        Price = price;
        Capacity = capacity;
    }

    /// <summary>A price may change only while nobody holds this type in a Pending claim (their total was quoted at the old price).</summary>
    internal void ChangePrice(Money price)
    {
        if (price == Price)
        {
            return;
        }

        if (Held > 0)
        {
            throw new DomainException(
                Errors.InvalidState, $"The price of '{Name}' cannot change while {Held} of it are held in pending claims.");
        }

        Price = price;
    }
}
