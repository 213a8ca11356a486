using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Catalogue;

public sealed class EventListingTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Each_role_sees_the_events_it_should()
    {
        var organizer = await CreateUserAsync("Organizer");
        var other = await CreateUserAsync("Organizer");
        var admin = await CreateUserAsync("Admin");
        var customer = await CreateUserAsync();
        var soon = await Published(organizer, "Soon", Now.AddDays(2));
        var later = await Published(organizer, "Next month", Now.AddDays(30));
        var ownDraft = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddDays(1), "Own draft"));
        var cancelled = await Published(other, "Cancelled", Now.AddDays(3));
        await other.Client.PostAsync($"/api/events/{cancelled}/cancel", null);
        var othersDraft = await other.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddDays(1), "Other's draft"));

        (await Titles(Anonymous(), "/api/events")).ShouldBe(["Soon"]);
        (await Titles(customer.Client, "/api/events")).ShouldBe(["Soon"]);
        (await Titles(organizer.Client, "/api/events")).ShouldBe(["Soon", "Own draft", "Next month"], ignoreOrder: true);
        (await Titles(other.Client, "/api/events")).ShouldBe(["Soon", "Cancelled", "Other's draft"], ignoreOrder: true);
        (await Titles(admin.Client, "/api/events")).Count.ShouldBe(5);
        (await Titles(admin.Client, "/api/events?state=Draft")).ShouldBe(["Own draft", "Other's draft"], ignoreOrder: true);
        (await Titles(admin.Client, $"/api/events?from={Uri.EscapeDataString(Now.AddDays(10).ToString("O"))}")).ShouldBe(["Next month"]);
        soon.ShouldNotBe(later);
        ownDraft.Id.ShouldNotBe(othersDraft.Id);
    }

    [Fact]
    public async Task The_listing_is_paged_in_start_order()
    {
        var organizer = await CreateUserAsync("Organizer");
        for (var i = 5; i >= 1; i--)
        {
            await Published(organizer, $"Day {i}", Now.AddDays(i).AddHours(1));
        }

        var page = await Anonymous().GetFromJsonAsync<JsonElement>("/api/events?page=2&pageSize=2");

        page.GetProperty("totalCount").GetInt32().ShouldBe(5);
        page.GetProperty("totalPages").GetInt32().ShouldBe(3);
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ShouldBe(["Day 3", "Day 4"]);
        await (await Anonymous().GetAsync("/api/events?state=Bogus")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
        await (await Anonymous().GetAsync("/api/events?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    private async Task<Guid> Published(TestUser organizer, string title, DateTimeOffset startsAt)
    {
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(startsAt, Now.AddHours(-1), title));
        await organizer.Client.PublishAsync(created.Id);
        return created.Id;
    }

    private static async Task<List<string>> Titles(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url);
        return page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();
    }
}
