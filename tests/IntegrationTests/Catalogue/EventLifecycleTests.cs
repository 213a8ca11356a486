using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Events;
using Ticketing.Application.Events.Commands.EndFinishedEvents;
using Ticketing.Application.Events.Commands.OpenDueSales;
using Ticketing.Application.Events.Queries.GetEventSeats;
using Ticketing.Domain.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Catalogue;

public sealed class EventLifecycleTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_new_event_is_a_draft_that_only_its_organizer_and_admins_can_see()
    {
        var organizer = await CreateUserAsync("Organizer");
        var other = await CreateUserAsync("Organizer");
        var admin = await CreateUserAsync("Admin");
        var customer = await CreateUserAsync();

        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));

        created.State.ShouldBe(EventState.Draft);
        created.TicketTypes.ShouldHaveSingleItem().Price.ShouldBe(25.50m);
        created.TicketTypes[0].Available.ShouldBe(100);
        (await organizer.Client.GetAsync($"/api/events/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Client.GetAsync($"/api/events/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var stranger in new[] { other.Client, customer.Client, Anonymous() })
        {
            await (await stranger.GetAsync($"/api/events/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        await (await other.Client.PostAsync($"/api/events/{created.Id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await ScalarAsync<Guid>("SELECT created_by FROM events")).ShouldBe(created.OrganizerId);
    }

    [Fact]
    public async Task Customers_cannot_create_events_and_other_organizers_cannot_manage_published_ones()
    {
        var organizer = await CreateUserAsync("Organizer");
        var other = await CreateUserAsync("Organizer");
        var customer = await CreateUserAsync();
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));
        await organizer.Client.PublishAsync(created.Id);

        var byCustomer = await customer.Client.PostAsJsonAsync("/api/events", CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));
        await byCustomer.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await other.Client.PostAsync($"/api/events/{created.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var edit = await other.Client.PutAsJsonAsync($"/api/events/{created.Id}", CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));
        await edit.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Publishing_schedules_before_the_sale_and_the_sale_opens_by_itself_when_due()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddHours(2)));

        var published = await organizer.Client.PublishAsync(created.Id);
        published.State.ShouldBe(EventState.Scheduled);
        published.PublishedAt.ShouldNotBeNull();

        (await SendAsync(new OpenDueSalesCommand())).ShouldBe(0);
        Clock.Advance(TimeSpan.FromHours(2));
        (await SendAsync(new OpenDueSalesCommand())).ShouldBe(1);
        (await Anonymous().GetFromJsonAsync<EventDto>($"/api/events/{created.Id}", ApiJson.Options))!.State.ShouldBe(EventState.OnSale);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE type LIKE '%EventSaleOpenedEvent'")).ShouldBe(1);
    }

    [Fact]
    public async Task Publishing_inside_the_sale_window_goes_on_sale_and_events_end_by_themselves()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddHours(5), Now.AddHours(-1)));

        (await organizer.Client.PublishAsync(created.Id)).State.ShouldBe(EventState.OnSale);

        (await SendAsync(new EndFinishedEventsCommand())).ShouldBe(0);
        Clock.Advance(TimeSpan.FromHours(8));
        (await SendAsync(new EndFinishedEventsCommand())).ShouldBe(1);
        (await organizer.Client.GetFromJsonAsync<EventDto>($"/api/events/{created.Id}", ApiJson.Options))!.State.ShouldBe(EventState.Ended);
    }

    [Fact]
    public async Task Illegal_transitions_through_HTTP_are_409_INVALID_STATE()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));

        await (await organizer.Client.PostAsync($"/api/events/{created.Id}/end", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        (await organizer.Client.PostAsync($"/api/events/{created.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await organizer.Client.PostAsync($"/api/events/{created.Id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        await (await organizer.Client.PostAsync($"/api/events/{created.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        await (await organizer.Client.PostAsync($"/api/events/{Guid.NewGuid()}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await organizer.Client.PostAsync("/api/events/not-an-id/publish", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Publishing_a_seated_event_makes_one_available_seat_per_venue_seat()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(3), Now.AddDays(-1)));
        created.TicketTypes.Select(t => (t.Name, t.Capacity, t.Price)).ShouldBe([("Standard", 18, 12.50m), ("Deluxe", 4, 40m)]);
        await (await Anonymous().GetAsync($"/api/events/{created.Id}/seats")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        await organizer.Client.PublishAsync(created.Id);

        var map = (await Anonymous().GetFromJsonAsync<EventSeatMapDto>($"/api/events/{created.Id}/seats", ApiJson.Options))!;
        map.Sections.Select(s => s.Name).ShouldBe(["Stalls", "Circle"]);
        map.Sections[0].Rows.Select(r => r.Seats.Count).ShouldBe([10, 8]);
        map.Sections[0].Rows[1].Seats.Select(s => s.Number).ShouldBe(Enumerable.Range(1, 8));
        map.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Seats).ShouldAllBe(s => s.Status == SeatStatus.Available && s.Id.Version == 7);
        map.Sections[1].TicketTypeId.ShouldBe(created.TicketTypes.Single(t => t.Name == "Deluxe").Id);
        (await ScalarAsync<long>("SELECT count(*) FROM event_seats")).ShouldBe(22);
    }

    [Fact]
    public async Task A_general_admission_event_has_no_seat_map()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));
        await organizer.Client.PublishAsync(created.Id);

        await (await Anonymous().GetAsync($"/api/events/{created.Id}/seats")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
    }

    [Fact]
    public async Task A_seated_event_needs_a_price_for_every_seat_type_of_its_own_venue()
    {
        var organizer = await CreateUserAsync("Organizer");
        var other = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();

        var missing = await organizer.Client.PostAsJsonAsync("/api/events", new
        {
            title = "Play", venueId = venue.Id, startsAt = Now.AddDays(3), endsAt = Now.AddDays(3).AddHours(2),
            saleStartsAt = Now, currency = "GBP", seatPrices = new { standard = 10m },
        });
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors")
            .TryGetProperty("seatPrices.deluxe", out _).ShouldBeTrue();

        var foreign = await other.Client.PostAsJsonAsync("/api/events", CatalogueApi.Seated(venue.Id, Now.AddDays(3), Now));
        await foreign.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var unknown = await organizer.Client.PostAsJsonAsync("/api/events", CatalogueApi.Seated(Guid.NewGuid(), Now.AddDays(3), Now));
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors")
            .TryGetProperty("venueId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Event_fields_are_validated_with_a_message_per_field()
    {
        var organizer = await CreateUserAsync("Organizer");

        var response = await organizer.Client.PostAsJsonAsync("/api/events", new
        {
            title = new string('t', 201),
            startsAt = Now.AddDays(3),
            endsAt = Now.AddDays(2),
            saleStartsAt = Now.AddDays(4),
            currency = "JPY",
            ticketTypes = new[] { new { name = "A", price = 10.5m, capacity = 1_000_001 }, new { name = "a", price = -1m, capacity = 5 } },
            claimTtlMinutes = 31,
            maxTicketsPerCustomer = 0,
            queue = new { enabled = true, admissionsPerMinute = 0, admissionWindowMinutes = 61 },
        });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors");
        foreach (var field in new[]
                 {
                     "title", "endsAt", "saleStartsAt", "ticketTypes", "ticketTypes[0]", "ticketTypes[0].capacity", "ticketTypes[1].price",
                     "claimTtlMinutes", "maxTicketsPerCustomer", "queue.admissionsPerMinute", "queue.admissionWindowMinutes",
                 })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Omitted_settings_take_their_defaults()
    {
        var organizer = await CreateUserAsync("Organizer");

        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));

        created.ClaimTtlMinutes.ShouldBe(10);
        created.MaxTicketsPerCustomer.ShouldBe(4);
        created.Queue.Enabled.ShouldBeFalse();
        created.Currency.ShouldBe("USD");
    }
}
