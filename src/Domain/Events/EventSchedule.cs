namespace Ticketing.Domain.Events;

/// <summary>When an event happens and when its tickets sell.</summary>
public sealed record EventSchedule(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset SaleStartsAt, DateTimeOffset? SaleEndsAt)
{
    public bool Overlaps(EventSchedule other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}
