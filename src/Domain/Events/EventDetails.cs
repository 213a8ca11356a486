namespace Ticketing.Domain.Events;

/// <summary>Everything about an event that an organizer fills in, apart from what it sells.</summary>
public sealed record EventDetails(
    string Title,
    string Description,
    EventSchedule Schedule,
    string Currency,
    QueueSettings Queue,
    int ClaimTtlMinutes,
    int MaxTicketsPerCustomer);

/// <summary>A ticket type to create or keep: general admission, or the seats of one seat type.</summary>
public sealed record TicketTypePlan(Guid? Id, string Name, decimal Price, int Capacity, Venues.SeatType? SeatType = null);
