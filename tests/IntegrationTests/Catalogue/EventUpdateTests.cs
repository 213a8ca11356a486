using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Catalogue;

public sealed class EventUpdateTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_draft_takes_any_change_keeping_the_ticket_types_it_names()
    {
        var organizer = await CreateUserAsync("Organizer");
        var draft = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));
        var general = draft.TicketTypes[0];

        var response = await organizer.Client.PutAsJsonAsync($"/api/events/{draft.Id}", new
        {
            title = "Renamed", startsAt = Now.AddDays(4), endsAt = Now.AddDays(4).AddHours(2), saleStartsAt = Now.AddDays(2),
            currency = "EUR", claimTtlMinutes = 5, maxTicketsPerCustomer = 2,
            queue = new { enabled = true, admissionsPerMinute = 120, admissionWindowMinutes = 5 },
            ticketTypes = new object[] { new { id = general.Id, name = "Standing", price = 30m, capacity = 300 }, new { name = "VIP", price = 99.99m, capacity = 10 } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = (await response.Content.ReadFromJsonAsync<EventDto>(ApiJson.Options))!;
        updated.Title.ShouldBe("Renamed");
        updated.Currency.ShouldBe("EUR");
        updated.Queue.AdmissionsPerMinute.ShouldBe(120);
        updated.TicketTypes.Select(t => (t.Name, t.Price, t.Capacity, t.Currency)).ShouldBe([("Standing", 30m, 300, "EUR"), ("VIP", 99.99m, 10, "EUR")]);
        updated.TicketTypes[0].Id.ShouldBe(general.Id);
        (await ScalarAsync<Guid>("SELECT last_modified_by FROM events")).ShouldBe(updated.OrganizerId);
    }

    [Fact]
    public async Task After_publishing_only_the_description_and_prices_change()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(1)));
        var published = await organizer.Client.PublishAsync(created.Id);
        var general = published.TicketTypes[0];

        var body = Body(published, "New words.", general.Price + 5m);
        var allowed = await organizer.Client.PutAsJsonAsync($"/api/events/{created.Id}", body);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK, await allowed.Content.ReadAsStringAsync());
        var updated = (await allowed.Content.ReadFromJsonAsync<EventDto>(ApiJson.Options))!;
        updated.Description.ShouldBe("New words.");
        updated.TicketTypes[0].Price.ShouldBe(30.50m);

        var retitled = await organizer.Client.PutAsJsonAsync($"/api/events/{created.Id}", Body(updated, "New words.", 30.50m, title: "Other"));
        (await retitled.ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE")).GetProperty("detail").GetString()!.ShouldContain("title");
        var resized = await organizer.Client.PutAsJsonAsync($"/api/events/{created.Id}", Body(updated, "New words.", 30.50m, capacity: 500));
        await resized.ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
    }

    [Fact]
    public async Task A_price_cannot_change_while_that_type_is_held_by_pending_claims()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddDays(-1)));
        var published = await organizer.Client.PublishAsync(created.Id);
        await ScalarAsync<int>("UPDATE ticket_types SET held = 2 RETURNING held");

        var response = await organizer.Client.PutAsJsonAsync($"/api/events/{created.Id}", Body(published, published.Description, 99m));

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE")).GetProperty("detail").GetString()!.ShouldContain("pending claims");
        (await ScalarAsync<long>("SELECT price_amount FROM ticket_types")).ShouldBe(2550);
    }

    private static object Body(EventDto e, string description, decimal price, string? title = null, int? capacity = null) => new
    {
        title = title ?? e.Title,
        description,
        startsAt = e.StartsAt,
        endsAt = e.EndsAt,
        saleStartsAt = e.SaleStartsAt,
        saleEndsAt = e.SaleEndsAt,
        currency = e.Currency,
        claimTtlMinutes = e.ClaimTtlMinutes,
        maxTicketsPerCustomer = e.MaxTicketsPerCustomer,
        queue = new { enabled = e.Queue.Enabled, admissionsPerMinute = e.Queue.AdmissionsPerMinute, admissionWindowMinutes = e.Queue.AdmissionWindowMinutes },
        ticketTypes = e.TicketTypes.Select(t => new { id = t.Id, name = t.Name, price, capacity = capacity ?? t.Capacity }).ToArray(),
    };
}
