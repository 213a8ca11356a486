using Ticketing.Domain.Queue;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using static Ticketing.UnitTests.Domain.Events.EventFactory;

namespace Ticketing.UnitTests.Domain.Events;

/// <summary>Every action in every state: the legal ones land where the state machine says, the rest are INVALID_STATE and change nothing.</summary>
public sealed class EventStateMachineTests
{
    private static readonly Dictionary<string, Action<Event>> Actions = new()
    {
        ["Publish"] = e => e.Publish(Now.AddDays(2), PreQueueDraw.NewSeed()),
        ["OpenSale"] = e => e.OpenSale(Now.AddDays(2)),
        ["MarkSoldOut"] = e => e.MarkSoldOut(),
        ["ReturnToSale"] = e => e.ReturnToSale(),
        ["End"] = e => e.End(Now.AddDays(11)),
        ["Cancel"] = e => e.Cancel(Now.AddDays(2)),
        ["ReviseDraft"] = e => e.ReviseDraft(null, Details(), [new TicketTypePlan(null, "General", 30m, 100)]),
        ["ChangeDescription"] = e => e.ChangeDescription("Louder."),
        ["ChangePrice"] = e => e.ChangePrice(e.TicketTypes[0].Id, 19.99m),
    };

    /// <summary>(state, action) → the state after it, or null where the action is refused.</summary>
    public static TheoryData<EventState, string, EventState?> Table()
    {
        var allowed = new Dictionary<(EventState, string), EventState>
        {
            [(EventState.Draft, "Publish")] = EventState.OnSale,
            [(EventState.Draft, "Cancel")] = EventState.Cancelled,
            [(EventState.Draft, "ReviseDraft")] = EventState.Draft,
            [(EventState.Draft, "ChangeDescription")] = EventState.Draft,
            [(EventState.Draft, "ChangePrice")] = EventState.Draft,
            [(EventState.Scheduled, "OpenSale")] = EventState.OnSale,
            [(EventState.Scheduled, "Cancel")] = EventState.Cancelled,
            [(EventState.Scheduled, "ChangeDescription")] = EventState.Scheduled,
            [(EventState.Scheduled, "ChangePrice")] = EventState.Scheduled,
            [(EventState.OnSale, "MarkSoldOut")] = EventState.SoldOut,
            [(EventState.OnSale, "End")] = EventState.Ended,
            [(EventState.OnSale, "Cancel")] = EventState.Cancelled,
            [(EventState.OnSale, "ChangeDescription")] = EventState.OnSale,
            [(EventState.OnSale, "ChangePrice")] = EventState.OnSale,
            [(EventState.SoldOut, "ReturnToSale")] = EventState.OnSale,
            [(EventState.SoldOut, "End")] = EventState.Ended,
            [(EventState.SoldOut, "Cancel")] = EventState.Cancelled,
            [(EventState.SoldOut, "ChangeDescription")] = EventState.SoldOut,
            [(EventState.SoldOut, "ChangePrice")] = EventState.SoldOut,
        };

        var table = new TheoryData<EventState, string, EventState?>();
        foreach (var state in Enum.GetValues<EventState>())
        {
            foreach (var action in Actions.Keys)
            {
                table.Add(state, action, allowed.TryGetValue((state, action), out var next) ? next : null);
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_action_in_each_state_follows_the_state_machine(EventState state, string action, EventState? expected)
    {
        var @event = In(state);

        if (expected is { } next)
        {
            Actions[action](@event);
            @event.State.ShouldBe(next);
        }
        else
        {
            Should.Throw<DomainException>(() => Actions[action](@event)).Code.Value.ShouldBe("INVALID_STATE");
            @event.State.ShouldBe(state);
            @event.DomainEvents.ShouldBeEmpty();
        }
    }

    [Fact]
    public void The_table_covers_every_state_and_action()
    {
        Table().Count().ShouldBe(Enum.GetValues<EventState>().Length * Actions.Count);
    }
}
