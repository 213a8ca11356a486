using System.Net;
using System.Net.Http.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Catalogue;

public sealed class ScheduleConflictTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_new_event_overlapping_a_published_one_at_the_same_venue_is_409()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var evening = Now.AddDays(3);
        var first = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, evening, Now));
        await organizer.Client.PublishAsync(first.Id);

        var overlapping = await organizer.Client.PostAsJsonAsync("/api/events", CatalogueApi.Seated(venue.Id, evening.AddHours(2), Now));
        await overlapping.ShouldBeProblemAsync(HttpStatusCode.Conflict, "SCHEDULE_CONFLICT");

        // Back to back is fine, and so is another venue.
        await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, evening.AddHours(3), Now));
        var otherVenue = await organizer.Client.CreateVenueAsync("Other hall");
        await organizer.Client.CreateEventAsync(CatalogueApi.Seated(otherVenue.Id, evening, Now));
    }

    [Fact]
    public async Task Of_two_overlapping_drafts_only_the_first_can_be_published_and_cancelling_frees_the_slot()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var first = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(3), Now));
        var second = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(3).AddHours(1), Now));

        await organizer.Client.PublishAsync(first.Id);
        await (await organizer.Client.PostAsync($"/api/events/{second.Id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "SCHEDULE_CONFLICT");
        (await ScalarAsync<long>("SELECT count(*) FROM event_seats WHERE event_id = @id", ("id", second.Id))).ShouldBe(0);

        (await organizer.Client.PostAsync($"/api/events/{first.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await organizer.Client.PublishAsync(second.Id);
    }

    [Fact]
    public async Task Parallel_publishes_of_overlapping_events_let_exactly_one_through()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var drafts = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            drafts.Add((await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(3).AddMinutes(i * 10), Now, $"Show {i}"))).Id);
        }

        var responses = await Task.WhenAll(drafts.Select(id => WithToken(organizer.Tokens.AccessToken).PostAsync($"/api/events/{id}/publish", null)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "SCHEDULE_CONFLICT");
        }

        // The database itself holds no two published events of one venue at overlapping times.
        (await ScalarAsync<long>("""
            SELECT count(*) FROM events a JOIN events b ON a.venue_id = b.venue_id AND a.id < b.id
             WHERE a.state NOT IN ('Draft', 'Cancelled') AND b.state NOT IN ('Draft', 'Cancelled')
               AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
            """)).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(DISTINCT event_id) FROM event_seats")).ShouldBe(1);
    }
}
