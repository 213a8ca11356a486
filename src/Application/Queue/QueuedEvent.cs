using Ticketing.Application.Events;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Queue;

/// <summary>
/// What a fan's view of their queue entry needs of its event. A poll takes it from the event cache (no query in
/// steady state); a join, which has just read the event to decide, from the event itself.
/// </summary>
public sealed record QueuedEvent(EventState State, DateTimeOffset SaleStartsAt, int AdmissionsPerMinute)
{
    public static QueuedEvent Of(Event @event) => new(@event.State, @event.SaleStartsAt, @event.Queue.AdmissionsPerMinute);

    public static QueuedEvent Of(EventDto @event) => new(@event.State, @event.SaleStartsAt, @event.Queue.AdmissionsPerMinute);
}
