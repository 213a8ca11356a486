using Ticketing.Domain.Queue;
using Ticketing.Domain.Events;

namespace Ticketing.UnitTests.Domain.Events;

/// <summary>Events in any state, for tests that need one.</summary>
public static class EventFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static EventDetails Details(
        DateTimeOffset? startsAt = null, DateTimeOffset? saleStartsAt = null, DateTimeOffset? saleEndsAt = null, string currency = "USD")
    {
        var starts = startsAt ?? Now.AddDays(10);
        return new EventDetails(
            "Concert", "Loud.", new EventSchedule(starts, starts.AddHours(3), saleStartsAt ?? Now.AddDays(1), saleEndsAt), currency, QueueSettings.Off, 10, 4);
    }

    public static Event Draft(EventDetails? details = null) =>
        Event.CreateDraft(Guid.NewGuid(), null, details ?? Details(), [new TicketTypePlan(null, "General", 25.50m, 100)]);

    public static Event In(EventState state)
    {
        var @event = Draft();
        switch (state)
        {
            case EventState.Draft:
                break;
            case EventState.Scheduled:
                @event.Publish(Now, PreQueueDraw.NewSeed());
                break;
            case EventState.OnSale:
                @event.Publish(Now.AddDays(2), PreQueueDraw.NewSeed());
                break;
            case EventState.SoldOut:
                @event.Publish(Now.AddDays(2), PreQueueDraw.NewSeed());
                @event.MarkSoldOut();
                break;
            case EventState.Ended:
                @event.Publish(Now.AddDays(2), PreQueueDraw.NewSeed());
                @event.End(Now.AddDays(11));
                break;
            case EventState.Cancelled:
                @event.Cancel(Now);
                break;
        }

        @event.State.ShouldBe(state);
        @event.ClearDomainEvents();
        return @event;
    }
}
