namespace Ticketing.Domain.Events;

/// <summary>
/// When an event happens, when its tickets sell and, if the organizer set them, when its doors open and close
/// (unset: see <see cref="DoorWindow"/> for the defaults).
/// </summary>
public sealed record EventSchedule(
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset SaleStartsAt,
    DateTimeOffset? SaleEndsAt,
    DateTimeOffset? DoorsOpenAt = null,
    DateTimeOffset? DoorsCloseAt = null)
{
    public DoorWindow Doors => new(DoorsOpenAt ?? StartsAt - DoorWindow.DefaultOpeningBeforeStart, DoorsCloseAt ?? EndsAt);

    public bool Overlaps(EventSchedule other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}
