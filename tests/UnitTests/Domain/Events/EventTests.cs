using Ticketing.Domain.Queue;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Venues;
using static Ticketing.UnitTests.Domain.Events.EventFactory;

namespace Ticketing.UnitTests.Domain.Events;

public sealed class EventTests
{
    [Fact]
    public void Publishing_before_the_sale_opens_schedules_the_event_and_says_so()
    {
        var @event = Draft();

        @event.Publish(Now, PreQueueDraw.NewSeed());

        @event.State.ShouldBe(EventState.Scheduled);
        @event.PublishedAt.ShouldBe(Now);
        @event.DomainEvents.ShouldHaveSingleItem().ShouldBe(new EventPublishedEvent(@event.Id, EventState.Scheduled));
    }

    [Fact]
    public void Publishing_inside_the_sale_window_puts_it_on_sale()
    {
        var @event = Draft();

        @event.Publish(Now.AddDays(1), PreQueueDraw.NewSeed());

        @event.State.ShouldBe(EventState.OnSale);
    }

    [Fact]
    public void An_event_that_is_over_or_whose_sale_has_closed_cannot_be_published()
    {
        var over = Draft();
        Should.Throw<DomainException>(() => over.Publish(Now.AddDays(20), PreQueueDraw.NewSeed())).Code.Value.ShouldBe("INVALID_STATE");

        var closed = Draft(Details(saleEndsAt: Now.AddDays(2)));
        Should.Throw<DomainException>(() => closed.Publish(Now.AddDays(3), PreQueueDraw.NewSeed())).Message.ShouldContain("sale window");
        closed.State.ShouldBe(EventState.Draft);
    }

    [Fact]
    public void The_sale_cannot_open_early()
    {
        var @event = In(EventState.Scheduled);

        Should.Throw<DomainException>(() => @event.OpenSale(Now)).Code.Value.ShouldBe("INVALID_STATE");
        @event.OpenSale(Now.AddDays(1));
        @event.State.ShouldBe(EventState.OnSale);
        @event.DomainEvents.ShouldHaveSingleItem().ShouldBe(new EventSaleOpenedEvent(@event.Id));
    }

    [Fact]
    public void A_price_cannot_change_while_the_type_is_held_in_pending_claims()
    {
        var @event = In(EventState.OnSale);
        var general = @event.TicketTypes[0];
        typeof(TicketType).GetProperty(nameof(TicketType.Held))!.SetValue(general, 2);

        Should.Throw<DomainException>(() => @event.ChangePrice(general.Id, 30m)).Message.ShouldContain("pending claims");
        general.Price.ShouldBe(Money.FromMajor(25.50m, "USD"));

        @event.ChangePrice(general.Id, 25.50m);
    }

    [Theory]
    [InlineData(-1, "negative")]
    [InlineData(10.005, "decimals")]
    public void Prices_are_positive_amounts_in_the_currency_s_precision(decimal price, string message)
    {
        var @event = Draft();

        Should.Throw<DomainException>(() => @event.ChangePrice(@event.TicketTypes[0].Id, price)).Message.ShouldContain(message);
    }

    [Fact]
    public void Revising_a_draft_keeps_named_ticket_types_adds_new_ones_and_drops_the_rest()
    {
        var @event = Event.CreateDraft(Guid.NewGuid(), null, Details(),
            [new TicketTypePlan(null, "General", 25m, 100), new TicketTypePlan(null, "VIP", 80m, 10)]);
        var general = @event.TicketTypes[0];

        @event.ReviseDraft(null, Details(currency: "EUR"), [new TicketTypePlan(general.Id, "Standing", 20m, 150), new TicketTypePlan(null, "Balcony", 40m, 30)]);

        @event.TicketTypes.Select(t => t.Name).ShouldBe(["Standing", "Balcony"]);
        @event.TicketTypes[0].Id.ShouldBe(general.Id);
        @event.TicketTypes[0].Price.ShouldBe(Money.FromMajor(20m, "EUR"));
        @event.TicketTypes[0].Capacity.ShouldBe(150);
    }

    [Fact]
    public void A_general_admission_event_cannot_sell_seat_types_and_a_seated_one_only_sells_them()
    {
        Should.Throw<DomainException>(() => Event.CreateDraft(Guid.NewGuid(), null, Details(),
            [new TicketTypePlan(null, "Standard", 25m, 100, SeatType.Standard)]));
        Should.Throw<DomainException>(() => Event.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), Details(),
            [new TicketTypePlan(null, "General", 25m, 100)]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Claims_last_between_one_and_thirty_minutes(int ttl)
    {
        Should.Throw<DomainException>(() => Draft(Details() with { ClaimTtlMinutes = ttl })).Code.Value.ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public void An_event_must_end_after_it_starts_and_sell_before_it_ends()
    {
        var starts = Now.AddDays(5);
        Should.Throw<DomainException>(() => Draft(Details() with { Schedule = new EventSchedule(starts, starts, Now, null) }));
        Should.Throw<DomainException>(() => Draft(Details() with { Schedule = new EventSchedule(starts, starts.AddHours(2), starts.AddHours(2), null) }));
    }

    [Fact]
    public void Schedules_overlap_only_when_their_times_intersect()
    {
        var evening = new EventSchedule(Now.AddHours(18), Now.AddHours(21), Now, null);

        evening.Overlaps(evening with { StartsAt = Now.AddHours(20), EndsAt = Now.AddHours(23) }).ShouldBeTrue();
        evening.Overlaps(evening with { StartsAt = Now.AddHours(21), EndsAt = Now.AddHours(23) }).ShouldBeFalse();
    }

    [Fact]
    public void Doors_open_four_hours_before_the_start_and_close_at_the_end_unless_the_organizer_sets_them()
    {
        var starts = Now.AddDays(5);
        var schedule = new EventSchedule(starts, starts.AddHours(3), Now, null);

        schedule.Doors.ShouldBe(new DoorWindow(starts.AddHours(-4), starts.AddHours(3)));
        (schedule with { DoorsOpenAt = starts.AddHours(-1), DoorsCloseAt = starts.AddHours(1) }).Doors.ShouldBe(new DoorWindow(starts.AddHours(-1), starts.AddHours(1)));
        Draft(Details() with { Schedule = schedule with { DoorsOpenAt = starts.AddHours(-1) } }).Schedule.Doors.OpensAt.ShouldBe(starts.AddHours(-1));
        Should.Throw<DomainException>(() => Draft(Details() with { Schedule = schedule with { DoorsOpenAt = starts.AddHours(4) } })).Code.Value.ShouldBe("VALIDATION_ERROR");
    }

    [Theory]
    [InlineData(EventState.Ended)]
    [InlineData(EventState.Cancelled)]
    public void Staff_can_be_taken_off_an_event_that_is_over_but_not_put_on(EventState state)
    {
        var @event = In(EventState.OnSale);
        var kept = Guid.NewGuid();
        var removed = Guid.NewGuid();
        @event.AssignStaff([kept, removed]);
        if (state == EventState.Ended)
        {
            @event.End(Now.AddDays(11));
        }
        else
        {
            @event.Cancel(Now.AddDays(3));
        }

        @event.AssignStaff([kept]);

        @event.StaffIds.ShouldBe([kept]);
        Should.Throw<DomainException>(() => @event.AssignStaff([kept, Guid.NewGuid()])).Code.Value.ShouldBe("INVALID_STATE");
    }
}
