using Ticketing.Domain.Common;
using Ticketing.Domain.Venues;

namespace Ticketing.UnitTests.Domain.Venues;

public sealed class VenueTests
{
    [Fact]
    public void A_venue_counts_its_seats_by_type()
    {
        var venue = Venue.Create(Guid.NewGuid(), "Hall", "1 Road", "Europe/London",
        [
            new SectionPlan("Stalls", SeatType.Standard, [new RowPlan("A", 10), new RowPlan("B", 12)]),
            new SectionPlan("Circle", SeatType.Deluxe, [new RowPlan("AA", 6)]),
            new SectionPlan("Gallery", SeatType.Standard, [new RowPlan("G", 8)]),
        ]);

        venue.SeatCount.ShouldBe(36);
        venue.SeatsByType().ShouldBe(new Dictionary<SeatType, int> { [SeatType.Standard] = 30, [SeatType.Deluxe] = 6 });
    }

    [Fact]
    public void A_venue_without_sections_rows_or_seats_is_refused()
    {
        Should.Throw<DomainException>(() => Venue.Create(Guid.NewGuid(), "Hall", "", "UTC", []));
        Should.Throw<DomainException>(() => Venue.Create(Guid.NewGuid(), "Hall", "", "UTC", [new SectionPlan("S", SeatType.Standard, [])]));
        Should.Throw<DomainException>(() => Venue.Create(Guid.NewGuid(), "Hall", "", "UTC", [new SectionPlan("S", SeatType.Standard, [new RowPlan("A", 0)])]));
    }

    [Fact]
    public void A_venue_holds_at_most_one_hundred_thousand_seats() =>
        Should.Throw<DomainException>(() => Venue.Create(Guid.NewGuid(), "Stadium", "", "UTC",
            [new SectionPlan("Bowl", SeatType.Standard, Enumerable.Range(0, 101).Select(i => new RowPlan($"R{i}", 1000)).ToList())]));
}
