using Ticketing.Application.Queue;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;
using Ticketing.UnitTests.Domain.Events;

namespace Ticketing.UnitTests.Application.Queue;

public sealed class PollIntervalTests
{
    // EventFactory's events admit 60 a minute: one a second.
    private static readonly DateTimeOffset Now = EventFactory.Now;

    [Fact]
    public void A_fan_near_the_front_polls_again_soon_and_one_far_back_much_later()
    {
        var onSale = EventFactory.In(EventState.OnSale);

        PollInterval.SecondsFor(QueueEntryStatus.Waiting, 0, QueuedEvent.Of(onSale), Now, listening: false).ShouldBe(1);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, 9, QueuedEvent.Of(onSale), Now, listening: false).ShouldBe(5);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, 40_000, QueuedEvent.Of(onSale), Now, listening: false).ShouldBe(PollInterval.MaxSeconds);
    }

    [Fact]
    public void Before_the_sale_opens_the_poll_comes_closer_as_the_opening_does()
    {
        var scheduled = EventFactory.In(EventState.Scheduled);
        var opensAt = scheduled.SaleStartsAt;

        PollInterval.SecondsFor(QueueEntryStatus.Waiting, null, QueuedEvent.Of(scheduled), opensAt.AddHours(-1), listening: false).ShouldBe(PollInterval.MaxSeconds);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, null, QueuedEvent.Of(scheduled), opensAt.AddSeconds(-20), listening: false).ShouldBe(10);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, null, QueuedEvent.Of(scheduled), opensAt.AddSeconds(-1), listening: false).ShouldBe(1);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, null, QueuedEvent.Of(scheduled), opensAt.AddSeconds(5), listening: false).ShouldBe(1);
    }

    [Fact]
    public void A_client_with_a_live_connection_is_told_to_poll_less_often_but_still_polls()
    {
        var onSale = EventFactory.In(EventState.OnSale);

        PollInterval.SecondsFor(QueueEntryStatus.Waiting, 0, QueuedEvent.Of(onSale), Now, listening: true).ShouldBe(PollInterval.ListeningMinSeconds);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, 9, QueuedEvent.Of(onSale), Now, listening: true).ShouldBe(20);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, 40_000, QueuedEvent.Of(onSale), Now, listening: true).ShouldBe(PollInterval.ListeningMaxSeconds);
        foreach (var position in new[] { 0, 3, 9, 30, 100, 40_000 })
        {
            PollInterval.SecondsFor(QueueEntryStatus.Waiting, position, QueuedEvent.Of(onSale), Now, listening: true)
                .ShouldBeGreaterThan(PollInterval.SecondsFor(QueueEntryStatus.Waiting, position, QueuedEvent.Of(onSale), Now, listening: false));
        }
    }

    [Theory]
    [InlineData(QueueEntryStatus.Admitted)]
    [InlineData(QueueEntryStatus.Used)]
    [InlineData(QueueEntryStatus.Expired)]
    [InlineData(QueueEntryStatus.Abandoned)]
    public void An_entry_that_waits_for_nothing_polls_at_the_longest_interval(QueueEntryStatus status) =>
        PollInterval.SecondsFor(status, null, QueuedEvent.Of(EventFactory.In(EventState.OnSale)), Now, listening: false).ShouldBe(PollInterval.MaxSeconds);

    [Fact]
    public void A_sold_out_waiting_list_is_paced_by_the_place_in_line_as_stock_may_come_back()
    {
        var soldOut = EventFactory.In(EventState.SoldOut);

        PollInterval.SecondsFor(QueueEntryStatus.Waiting, 0, QueuedEvent.Of(soldOut), Now, listening: false).ShouldBe(1);
        PollInterval.SecondsFor(QueueEntryStatus.Waiting, null, QueuedEvent.Of(soldOut), Now, listening: false).ShouldBe(PollInterval.MaxSeconds);
    }
}
