using Ticketing.Domain.Events;

namespace Ticketing.UnitTests.Domain.Events;

public sealed class QueueSettingsTests
{
    [Theory]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(12_000, 200)]
    public void A_tick_lets_in_a_sixtieth_of_the_minutes_rate_rounded_up(int perMinute, int perTick) =>
        new QueueSettings(true, perMinute, 1).AdmissionsPerTick.ShouldBe(perTick);

    [Theory]
    [InlineData(0, 1_000, 0, 200)]
    [InlineData(11_900, 1_000, 0, 100)]
    [InlineData(12_000, 1_000, 0, 0)]
    [InlineData(0, 50, 20, 30)]
    [InlineData(0, 5, 5, 0)]
    [InlineData(0, 3, 5, 0)]
    public void A_tick_admits_within_the_rate_and_never_more_unclaimed_admissions_than_tickets_left(
        int admittedInLastMinute, int ticketsLeft, int admittedUnclaimed, int admitted) =>
        new QueueSettings(true, 12_000, 1).AdmissionsNow(admittedInLastMinute, ticketsLeft, admittedUnclaimed).ShouldBe(admitted);

    [Fact]
    public void Admissions_get_the_full_window_while_one_windows_admissions_could_not_take_every_ticket_left()
    {
        // 60 a minute for 10 minutes: 600 admissions in one window.
        var queue = new QueueSettings(true, 60, 10);

        queue.AdmissionWindowFor(601).ShouldBe(TimeSpan.FromMinutes(10));
        queue.AdmissionWindowFor(600).ShouldBe(TimeSpan.FromMinutes(2.5));
        queue.AdmissionWindowFor(1).ShouldBe(TimeSpan.FromMinutes(2.5));
    }

    [Fact]
    public void The_near_sell_out_window_is_a_quarter_of_the_window_and_never_under_half_a_minute()
    {
        new QueueSettings(true, 12_000, 1).NearSellOutWindow.ShouldBe(TimeSpan.FromSeconds(30));
        new QueueSettings(true, 12_000, 2).NearSellOutWindow.ShouldBe(TimeSpan.FromSeconds(30));
        new QueueSettings(true, 12_000, 4).NearSellOutWindow.ShouldBe(TimeSpan.FromMinutes(1));
        new QueueSettings(true, 12_000, 60).NearSellOutWindow.ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void The_bench_on_sale_is_near_sell_out_from_its_first_admission()
    {
        // 12,000 admissions in one one-minute window for 5,000 tickets: the stock can be gone before any window ends.
        new QueueSettings(true, 12_000, 1).AdmissionWindowFor(5_000).ShouldBe(TimeSpan.FromSeconds(30));
    }
}
