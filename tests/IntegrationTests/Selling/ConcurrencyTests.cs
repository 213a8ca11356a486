using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Events.Queries.GetEventSeats;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

/// <summary>Many clients at once, then the invariants checked in SQL.</summary>
public sealed class ConcurrencyTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string InvariantOneViolations = """
        SELECT count(*) FROM ticket_types t
         WHERE t.sold + t.held > t.capacity
            OR t.held <> (SELECT coalesce(sum(i.quantity), 0) FROM claim_items i JOIN claims c ON c.id = i.claim_id
                           WHERE i.ticket_type_id = t.id AND c.status = 'Pending')
        """;

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Two_hundred_parallel_claimers_on_fifty_tickets_hold_exactly_fifty()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: 50));
        await organizer.Client.PublishAsync(created.Id);
        var ticketTypeId = created.TicketTypes[0].Id;
        var customers = new List<TestUser>();
        for (var i = 0; i < 200; i++)
        {
            customers.Add(await CreateUserAsync());
        }

        var responses = await Task.WhenAll(customers.Select(c => c.Client.ClaimAsync(created.Id, ticketTypeId, 1)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(50);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created)
            .ShouldAllBe(r => r.StatusCode == HttpStatusCode.Gone || r.StatusCode == HttpStatusCode.Conflict);
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(50);
        (await ScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'Pending'")).ShouldBe(50);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
    }

    [Fact]
    public async Task Parallel_claims_on_the_same_seats_let_exactly_one_win()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var map = (await Anonymous().GetFromJsonAsync<EventSeatMapDto>($"/api/events/{created.Id}/seats", ApiJson.Options))!;
        var wanted = map.Sections[0].Rows[0].Seats.Take(3).Select(s => s.Id).ToList();
        var customers = new List<TestUser>();
        for (var i = 0; i < 20; i++)
        {
            customers.Add(await CreateUserAsync());
        }

        // Everyone wants the same three seats, in different orders.
        var responses = await Task.WhenAll(customers.Select((c, i) => c.Client.ClaimSeatsAsync(created.Id, i % 2 == 0 ? wanted : Enumerable.Reverse(wanted))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        (await ScalarAsync<long>("SELECT count(*) FROM event_seats WHERE status = 'Held'")).ShouldBe(3);
        (await ScalarAsync<long>("SELECT count(DISTINCT claim_id) FROM event_seats WHERE status = 'Held'")).ShouldBe(1);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
    }

    [Fact]
    public async Task Admitters_running_side_by_side_never_admit_past_the_stock()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), capacity: 5));
        await organizer.Client.PublishAsync(created.Id);
        for (var i = 0; i < 30; i++)
        {
            await (await CreateUserAsync()).Client.JoinQueueAsync(created.Id);
        }

        var admitted = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(new AdmitFromQueueCommand())));

        admitted.Sum().ShouldBe(5);
        (await ScalarAsync<long>("SELECT count(*) FROM queue_entries WHERE status = 'Admitted'")).ShouldBe(5);
    }
}
