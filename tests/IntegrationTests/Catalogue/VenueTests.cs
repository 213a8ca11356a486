using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Venues;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Catalogue;

public sealed class VenueTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task An_organizer_creates_a_venue_and_reads_back_its_seat_map_in_order()
    {
        var organizer = await CreateUserAsync("Organizer");

        var venue = await organizer.Client.CreateVenueAsync();

        var read = await organizer.Client.GetFromJsonAsync<VenueDto>($"/api/venues/{venue.Id}", ApiJson.Options);
        read!.SeatCount.ShouldBe(22);
        read.Sections.Select(s => s.Name).ShouldBe(["Stalls", "Circle"]);
        read.Sections[0].Rows.Select(r => (r.Label, r.Seats)).ShouldBe([("A", 10), ("B", 8)]);
        read.Sections[1].SeatType.ShouldBe(Ticketing.Domain.Venues.SeatType.Deluxe);
        (await ScalarAsync<Guid>("SELECT created_by FROM venues")).ShouldBe(read.OwnerId);
    }

    [Fact]
    public async Task A_venue_belongs_to_its_creator()
    {
        var owner = await CreateUserAsync("Organizer");
        var other = await CreateUserAsync("Organizer");
        var admin = await CreateUserAsync("Admin");
        var venue = await owner.Client.CreateVenueAsync("Owner's hall");
        await other.Client.CreateVenueAsync("Other hall");

        await (await other.Client.GetAsync($"/api/venues/{venue.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await admin.Client.GetAsync($"/api/venues/{venue.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var own = await owner.Client.GetFromJsonAsync<JsonElement>("/api/venues");
        own.GetProperty("totalCount").GetInt32().ShouldBe(1);
        own.GetProperty("items")[0].GetProperty("seatCount").GetInt32().ShouldBe(22);
        (await admin.Client.GetFromJsonAsync<JsonElement>("/api/venues")).GetProperty("totalCount").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Customers_cannot_create_or_read_venues()
    {
        var customer = await CreateUserAsync();

        var create = await customer.Client.PostAsJsonAsync("/api/venues", new { name = "Mine", address = "", timeZone = "UTC", sections = Array.Empty<object>() });
        await create.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await customer.Client.GetAsync("/api/venues")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_seat_map_that_makes_no_sense_is_refused_field_by_field()
    {
        var organizer = await CreateUserAsync("Organizer");

        var response = await organizer.Client.PostAsJsonAsync("/api/venues", new
        {
            name = "",
            address = "x",
            timeZone = "Mars/Olympus",
            sections = new object[]
            {
                new { name = "Stalls", seatType = "Standard", rows = new[] { new { label = "A", seats = 0 }, new { label = "a", seats = 5 } } },
            },
        });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("timeZone", out _).ShouldBeTrue();
        errors.TryGetProperty("sections[0].rows[0].seats", out _).ShouldBeTrue();
        errors.TryGetProperty("sections[0].rows", out _).ShouldBeTrue();
        (await ScalarAsync<long>("SELECT count(*) FROM venues")).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_seat_type_is_a_malformed_request()
    {
        var organizer = await CreateUserAsync("Organizer");

        var response = await organizer.Client.PostAsJsonAsync("/api/venues", new
        {
            name = "Hall", address = "x", timeZone = "UTC",
            sections = new[] { new { name = "S", seatType = "Throne", rows = new[] { new { label = "A", seats = 1 } } } },
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    }
}
