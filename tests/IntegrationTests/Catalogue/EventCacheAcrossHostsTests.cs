using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Events;
using Ticketing.Domain.Queue;
using Ticketing.Infrastructure.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Catalogue;

/// <summary>Event reads come from a per-instance cache (ADR 0019) that every instance forgets when the event changes.</summary>
public sealed class EventCacheAcrossHostsTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task An_event_revised_on_one_instance_is_read_as_revised_on_another_within_a_second()
    {
        var second = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock);

        // Old enough never to age out during the test: only the change notice can refresh what the second host holds.
        second.Settings["Events:CacheMaxAge"] = "01:00:00";
        await using var _ = second;
        var organizer = await CreateUserAsync("Organizer");
        var startsAt = Clock.GetUtcNow().AddDays(3);
        var body = CatalogueApi.GeneralAdmission(startsAt, Clock.GetUtcNow().AddDays(1), title: "Before", capacity: 100);
        var created = await organizer.Client.CreateEventAsync(body);
        var reader = second.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", organizer.Tokens.AccessToken);
        await ListeningAsync(second);
        (await ReadAsync(reader, created.Id)).TicketTypes[0].Available.ShouldBe(100);

        // Counters move with every claim and send no notice: the second host still shows what it read.
        await ScalarAsync<int>("UPDATE ticket_types SET sold = 10 WHERE event_id = @id RETURNING sold", ("id", created.Id));
        (await ReadAsync(reader, created.Id)).TicketTypes[0].Available.ShouldBe(100);

        var updated = await organizer.Client.PutAsJsonAsync(
            $"/api/events/{created.Id}", CatalogueApi.GeneralAdmission(startsAt, Clock.GetUtcNow().AddDays(1), title: "After", capacity: 100));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());

        (await WithinAsync(reader, created.Id, e => e.Title == "After")).Title.ShouldBe("After");
    }

    [Fact]
    public async Task A_fan_polling_another_instance_hears_within_a_second_that_the_event_sold_out()
    {
        var second = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock);
        second.Settings["Events:CacheMaxAge"] = "01:00:00";
        await using var _ = second;
        var organizer = await CreateUserAsync("Organizer");
        var sale = await organizer.Client.CreateEventAsync(
            SellingApi.Queued(Clock.GetUtcNow().AddDays(2), Clock.GetUtcNow().AddHours(-1), capacity: 10));
        await organizer.Client.PublishAsync(sale.Id);
        var fan = await CreateUserAsync();
        await fan.Client.JoinQueueAsync(sale.Id);
        var poller = second.CreateClient();
        poller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fan.Tokens.AccessToken);
        await ListeningAsync(second);
        (await poller.PollQueueAsync(sale.Id)).SoldOut.ShouldBeFalse();

        // Whoever sells the last ticket, the row's change is what every instance hears.
        await ScalarAsync<string>("UPDATE events SET state = 'SoldOut' WHERE id = @id RETURNING state", ("id", sale.Id));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        var polled = await poller.PollQueueAsync(sale.Id);
        while (!polled.SoldOut && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            polled = await poller.PollQueueAsync(sale.Id);
        }

        polled.SoldOut.ShouldBeTrue();
        polled.Status.ShouldBe(QueueEntryStatus.Waiting);
    }

    /// <summary>The cache answers only once its host listens for changes; until then it reads through.</summary>
    private static async Task ListeningAsync(TicketingApiFactory host)
    {
        var cache = host.Services.GetRequiredService<EventCache>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!cache.Listening && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        cache.Listening.ShouldBeTrue();
    }

    private static async Task<EventDto> ReadAsync(HttpClient reader, Guid eventId) =>
        (await reader.GetFromJsonAsync<EventDto>($"/api/events/{eventId}", ApiJson.Options))!;

    private static async Task<EventDto> WithinAsync(HttpClient reader, Guid eventId, Func<EventDto, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        var read = await ReadAsync(reader, eventId);
        while (!condition(read) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            read = await ReadAsync(reader, eventId);
        }

        return read;
    }
}
