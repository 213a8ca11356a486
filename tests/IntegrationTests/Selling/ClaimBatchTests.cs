using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Claims;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Events.Queries.GetEventSeats;
using Ticketing.Application.Inventory;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

/// <summary>Claims by group commit: crowds (on one host and on two) checked in SQL, and single batches decided claim by claim.</summary>
public sealed class ClaimBatchTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string InvariantOneViolations = """
        SELECT count(*) FROM ticket_types t
         WHERE t.sold + t.held > t.capacity
            OR t.held <> (SELECT coalesce(sum(i.quantity), 0) FROM claim_items i JOIN claims c ON c.id = i.claim_id
                           WHERE i.ticket_type_id = t.id AND c.status = 'Pending')
        """;

    private const string CustomersAboveTheLimit = """
        SELECT count(*) FROM (
            SELECT c.customer_id FROM claims c JOIN claim_items i ON i.claim_id = c.id
             WHERE c.status = 'Pending' GROUP BY c.customer_id HAVING sum(i.quantity) > 4) over
        """;

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_crowd_of_claims_never_oversells_and_every_answer_matches_the_database()
    {
        var (eventId, ticketTypeId) = await OnSaleAsync(capacity: 150);
        var customers = await CustomersAsync(120);

        // 200 claims of 1–4: everyone once, and 80 of them again, which takes some past the limit of 4.
        var claims = customers.Select((c, i) => (Customer: c, Quantity: i % 4 + 1))
            .Concat(customers.Take(80).Select((c, i) => (Customer: c, Quantity: (i + 2) % 4 + 1)))
            .ToList();
        var answers = await Task.WhenAll(claims.Select(async c => (c.Quantity, Response: await c.Customer.Client.ClaimAsync(eventId, ticketTypeId, c.Quantity))));

        var created = await CreatedClaimsAsync(answers.Select(a => a.Response));
        created.Count.ShouldBeGreaterThan(0);
        (await ScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'Pending'")).ShouldBe(created.Count);
        foreach (var claim in created)
        {
            (await ScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @id AND status = 'Pending'", ("id", claim.Id))).ShouldBe(1);
        }

        var held = await ScalarAsync<int>("SELECT held FROM ticket_types");
        held.ShouldBe(created.Sum(c => c.Items.Sum(i => i.Quantity)));
        held.ShouldBeLessThanOrEqualTo(150);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
        (await ScalarAsync<long>(CustomersAboveTheLimit)).ShouldBe(0);

        var refusals = await RefusalsAsync(answers.Select(a => a.Response));
        refusals.ShouldAllBe(r => r.Code == "LIMIT_EXCEEDED" || r.Code == "INSUFFICIENT_INVENTORY" || r.Code == "SOLD_OUT");
        refusals.ShouldAllBe(r => r.Status == (r.Code == "SOLD_OUT" ? HttpStatusCode.Gone : HttpStatusCode.Conflict));
        refusals.Count(r => r.Code == "LIMIT_EXCEEDED").ShouldBeGreaterThan(0);

        // 400 tickets were asked for 150: a refusal for stock means fewer than 4 were left then, and never more after.
        refusals.ShouldContain(r => r.Code != "LIMIT_EXCEEDED");
        (150 - held).ShouldBeLessThan(4);
    }

    [Fact]
    public async Task Overlapping_seat_requests_in_a_crowd_hold_each_seat_once_and_all_or_nothing()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var seated = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(seated.Id);
        var map = (await Anonymous().GetFromJsonAsync<EventSeatMapDto>($"/api/events/{seated.Id}/seats", ApiJson.Options))!;
        var row = map.Sections[0].Rows[0].Seats.Take(6).Select(s => s.Id).ToList();
        var customers = await CustomersAsync(30);

        // Neighbouring pairs along one row: every request overlaps the ones either side of it.
        var answers = await Task.WhenAll(customers.Select((c, i) => c.Client.ClaimSeatsAsync(seated.Id, [row[i % 5], row[i % 5 + 1]])));

        var created = await CreatedClaimsAsync(answers);
        created.Count.ShouldBeInRange(1, 3);
        foreach (var claim in created)
        {
            (await ScalarAsync<long>("SELECT count(*) FROM event_seats WHERE claim_id = @id AND status = 'Held'", ("id", claim.Id))).ShouldBe(2);
        }

        (await ScalarAsync<long>("SELECT count(*) FROM event_seats WHERE status = 'Held'")).ShouldBe(created.Count * 2);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
        (await RefusalsAsync(answers)).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict && r.Code == "SEATS_UNAVAILABLE");
    }

    [Fact]
    public async Task Two_hosts_racing_for_one_ticket_type_never_oversell()
    {
        var (eventId, ticketTypeId) = await OnSaleAsync(capacity: 60);
        await using var second = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock);
        var customers = await CustomersAsync(100);

        var answers = await Task.WhenAll(customers.Select((c, i) =>
        {
            var client = i % 2 == 0 ? c.Client : OnHost(second, c);
            return client.ClaimAsync(eventId, ticketTypeId, i % 2 + 1);
        }));

        var created = await CreatedClaimsAsync(answers);
        var held = await ScalarAsync<int>("SELECT held FROM ticket_types");
        held.ShouldBe(created.Sum(c => c.Items.Sum(i => i.Quantity)));
        held.ShouldBeInRange(59, 60);
        (await ScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'Pending'")).ShouldBe(created.Count);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
        (await RefusalsAsync(answers)).ShouldAllBe(r =>
            (r.Code == "SOLD_OUT" && r.Status == HttpStatusCode.Gone) || (r.Code == "INSUFFICIENT_INVENTORY" && r.Status == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_batch_commits_its_good_claims_when_one_admission_is_no_longer_valid()
    {
        var organizer = await CreateUserAsync("Organizer");
        var queued = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), 10));
        await organizer.Client.PublishAsync(queued.Id);
        var customers = await CustomersAsync(3);
        foreach (var customer in customers)
        {
            await customer.Client.JoinQueueAsync(queued.Id);
        }

        await SendAsync(new AdmitFromQueueCommand());
        var admissions = new List<AdmissionTicket>();
        foreach (var customer in customers)
        {
            admissions.Add(await AdmissionOfAsync(customer, queued.Id));
        }

        // The middle one presents a token of an admission that is no longer the entry's.
        admissions[1] = admissions[1] with { ExpiresAt = admissions[1].ExpiresAt.AddMinutes(-1) };
        var @event = await LoadAsync(queued.Id);
        var outcomes = await RunBatchAsync(customers.Select((c, i) => Request(@event, c.Id, 2, admissions[i])).ToList());

        outcomes[0].Claim.ShouldNotBeNull();
        outcomes[1].Refusal.ShouldNotBeNull().Code.Value.ShouldBe("ADMISSION_INVALID");
        outcomes[2].Claim.ShouldNotBeNull();
        (await ScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'Pending'")).ShouldBe(2);
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(4);
        (await ScalarAsync<long>("SELECT count(*) FROM queue_entries WHERE status = 'Used'")).ShouldBe(2);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE type LIKE '%ClaimCreatedEvent%'")).ShouldBe(2);
    }

    [Fact]
    public async Task Inside_a_batch_claims_are_served_in_arrival_order_and_a_customer_twice_counts_twice()
    {
        var (eventId, _) = await OnSaleAsync(capacity: 6);
        var @event = await LoadAsync(eventId);
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync();
        var carol = await CreateUserAsync();

        var outcomes = await RunBatchAsync(
        [
            Request(@event, alice.Id, 3),
            Request(@event, alice.Id, 2),
            Request(@event, bob.Id, 3),
            Request(@event, carol.Id, 1),
            Request(@event, carol.Id, 1),
        ]);

        outcomes[0].Claim.ShouldNotBeNull();
        outcomes[1].Refusal.ShouldNotBeNull().Code.Value.ShouldBe("LIMIT_EXCEEDED");
        outcomes[2].Claim.ShouldNotBeNull();
        outcomes[3].Refusal.ShouldNotBeNull().Code.Value.ShouldBe("SOLD_OUT");
        outcomes[4].Refusal.ShouldNotBeNull().Code.Value.ShouldBe("SOLD_OUT");
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(6);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_frees_overdue_claims_once_before_refusing()
    {
        var (eventId, ticketTypeId) = await OnSaleAsync(capacity: 4);
        var early = await CreateUserAsync();
        await early.Client.ClaimOkAsync(eventId, ticketTypeId, 4);
        Clock.Advance(TimeSpan.FromMinutes(11));
        var @event = await LoadAsync(eventId);
        var late = await CreateUserAsync();
        var later = await CreateUserAsync();

        var outcomes = await RunBatchAsync([Request(@event, late.Id, 3), Request(@event, late.Id, 1), Request(@event, later.Id, 1)]);

        outcomes[0].Claim.ShouldNotBeNull();
        outcomes[1].Claim.ShouldNotBeNull();
        outcomes[2].Refusal.ShouldNotBeNull().Code.Value.ShouldBe("SOLD_OUT");
        (await ScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'Expired'")).ShouldBe(1);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
    }

    [Fact]
    public async Task A_claim_that_breaks_its_batch_fails_alone()
    {
        var (eventId, _) = await OnSaleAsync(capacity: 10);
        var @event = await LoadAsync(eventId);
        var customers = await CustomersAsync(3);
        var ticketType = @event.TicketTypes[0];

        // Lines in two currencies pass every check of the batch but cannot make a claim: the whole batch fails.
        var broken = Request(@event, customers[1].Id, 1) with
        {
            Lines = [new SaleLine(ticketType.Id, 1, ticketType.Price, []), new SaleLine(ticketType.Id, 1, Money.FromMajor(1m, "EUR"), [])],
        };
        var batcher = Factory.Services.GetRequiredService<ClaimBatcher>();
        var claims = new[] { Request(@event, customers[0].Id, 2), broken, Request(@event, customers[2].Id, 2) }.Select(batcher.ClaimAsync).ToList();

        (await claims[0]).Quantity.ShouldBe(2);
        (await Should.ThrowAsync<DomainException>(claims[1])).Code.Value.ShouldBe("VALIDATION_ERROR");
        (await claims[2]).Quantity.ShouldBe(2);
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(4);
        (await ScalarAsync<long>(InvariantOneViolations)).ShouldBe(0);
    }

    private static HttpClient OnHost(TicketingApiFactory host, TestUser user)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Tokens.AccessToken);
        return client;
    }

    private ClaimRequest Request(Event @event, Guid customerId, int quantity, AdmissionTicket? admission = null) =>
        new(@event, customerId, [new SaleLine(@event.TicketTypes[0].Id, quantity, @event.TicketTypes[0].Price, [])], admission, Now);

    private async Task<IReadOnlyList<ClaimOutcome>> RunBatchAsync(IReadOnlyList<ClaimRequest> requests)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClaimBatch>().RunAsync(requests, lockStock: false, CancellationToken.None);
    }

    private async Task<Event> LoadAsync(Guid eventId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>()
            .Events.AsNoTracking().Include(e => e.TicketTypes).SingleAsync(e => e.Id == eventId);
    }

    private async Task<AdmissionTicket> AdmissionOfAsync(TestUser customer, Guid eventId)
    {
        var token = (await customer.Client.PollQueueAsync(eventId)).Admission!.Token;
        return Factory.Services.GetRequiredService<IAdmissionTokens>().Read(token)!;
    }

    private async Task<(Guid EventId, Guid TicketTypeId)> OnSaleAsync(int capacity)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(new
        {
            title = "Crowded",
            startsAt = Now.AddDays(2),
            endsAt = Now.AddDays(2).AddHours(3),
            saleStartsAt = Now.AddHours(-1),
            currency = "USD",
            ticketTypes = new[] { new { name = "General", price = 30m, capacity } },
            maxTicketsPerCustomer = 4,
        });
        await organizer.Client.PublishAsync(created.Id);
        return (created.Id, created.TicketTypes[0].Id);
    }

    private async Task<List<TestUser>> CustomersAsync(int count)
    {
        var customers = new List<TestUser>();
        for (var i = 0; i < count; i++)
        {
            customers.Add(await CreateUserAsync());
        }

        return customers;
    }

    private static async Task<List<ClaimDto>> CreatedClaimsAsync(IEnumerable<HttpResponseMessage> responses)
    {
        var created = new List<ClaimDto>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            created.Add((await response.Content.ReadFromJsonAsync<ClaimDto>(ApiJson.Options))!);
        }

        return created;
    }

    private static async Task<List<(HttpStatusCode Status, string? Code)>> RefusalsAsync(IEnumerable<HttpResponseMessage> responses)
    {
        var refusals = new List<(HttpStatusCode, string?)>();
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            refusals.Add((response.StatusCode, problem.TryGetProperty("code", out var code) ? code.GetString() : null));
        }

        return refusals;
    }
}
