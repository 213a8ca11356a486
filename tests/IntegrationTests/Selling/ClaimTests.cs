using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Claims;
using Ticketing.Application.Claims.Commands.ExpireClaims;
using Ticketing.Application.Events.Queries.GetEventSeats;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

public sealed class ClaimTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_claim_holds_tickets_at_the_quoted_price_until_its_TTL_and_only_its_owner_sees_it()
    {
        var (eventId, ticketTypeId) = await OnSaleEventAsync(capacity: 10, price: 25.50m);
        var customer = await CreateUserAsync();
        var stranger = await CreateUserAsync();

        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 3);

        claim.Status.ShouldBe(ClaimStatus.Pending);
        claim.Total.ShouldBe(76.50m);
        claim.Currency.ShouldBe("USD");
        claim.ExpiresAt.ShouldBe(Now.AddMinutes(10), TimeSpan.FromSeconds(1));
        claim.Items.ShouldHaveSingleItem().UnitPrice.ShouldBe(25.50m);
        (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Available.ShouldBe(7);
        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Id.ShouldBe(claim.Id);
        (await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/claims")).GetProperty("totalCount").GetInt32().ShouldBe(1);

        await (await stranger.Client.GetAsync($"/api/claims/{claim.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.DeleteAsync($"/api/claims/{claim.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await stranger.Client.GetFromJsonAsync<JsonElement>("/api/me/claims")).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Releasing_a_claim_returns_its_stock_at_once()
    {
        var (eventId, ticketTypeId) = await OnSaleEventAsync(capacity: 4);
        var customer = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 4);
        (await Anonymous().GetEventAsync(eventId)).State.ShouldBe(EventState.SoldOut);

        (await customer.Client.DeleteAsync($"/api/claims/{claim.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await Anonymous().GetEventAsync(eventId);
        after.TicketTypes[0].Available.ShouldBe(4);
        after.State.ShouldBe(EventState.OnSale);
        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Released);
        await (await customer.Client.DeleteAsync($"/api/claims/{claim.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
    }

    [Fact]
    public async Task An_unpaid_claim_expires_and_its_stock_comes_back()
    {
        var (eventId, ticketTypeId) = await OnSaleEventAsync(capacity: 2);
        var customer = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);

        Clock.Advance(TimeSpan.FromMinutes(9));
        (await SendAsync(new ExpireClaimsCommand())).ShouldBe(0);
        Clock.Advance(TimeSpan.FromMinutes(1));
        (await SendAsync(new ExpireClaimsCommand())).ShouldBe(1);

        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Expired);
        var after = await Anonymous().GetEventAsync(eventId);
        after.TicketTypes[0].Available.ShouldBe(2);
        after.State.ShouldBe(EventState.OnSale);
        await (await customer.Client.DeleteAsync($"/api/claims/{claim.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "CLAIM_EXPIRED");
    }

    [Fact]
    public async Task Nothing_left_is_410_SOLD_OUT_and_too_little_left_is_409_INSUFFICIENT_INVENTORY()
    {
        var (eventId, ticketTypeId) = await OnSaleEventAsync(capacity: 3);
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();
        await first.Client.ClaimOkAsync(eventId, ticketTypeId, 2);

        var tooMany = await second.Client.ClaimAsync(eventId, ticketTypeId, 2);
        (await tooMany.ShouldBeProblemAsync(HttpStatusCode.Conflict, "INSUFFICIENT_INVENTORY")).GetProperty("detail").GetString()!.ShouldContain("Only 1");

        await second.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var third = await CreateUserAsync();
        await (await third.Client.ClaimAsync(eventId, ticketTypeId, 1)).ShouldBeProblemAsync(HttpStatusCode.Gone, "SOLD_OUT");
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(3);
    }

    [Fact]
    public async Task Overdue_claims_are_expired_on_the_spot_before_a_buyer_is_turned_away()
    {
        var (eventId, ticketTypeId) = await OnSaleEventAsync(capacity: 2);
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();
        var stale = await first.Client.ClaimOkAsync(eventId, ticketTypeId, 2);

        Clock.Advance(TimeSpan.FromMinutes(11));
        var fresh = await second.Client.ClaimOkAsync(eventId, ticketTypeId, 2);

        fresh.Status.ShouldBe(ClaimStatus.Pending);
        (await first.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{stale.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Expired);
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(2);
    }

    [Fact]
    public async Task A_customer_cannot_hold_more_than_the_event_allows()
    {
        var (eventId, ticketTypeId) = await OnSaleEventAsync(capacity: 50);
        var customer = await CreateUserAsync();
        await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 3);

        await (await customer.Client.ClaimAsync(eventId, ticketTypeId, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "LIMIT_EXCEEDED");
        await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
    }

    [Fact]
    public async Task A_queued_event_needs_the_callers_own_valid_admission_and_uses_it_up()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), 10));
        await organizer.Client.PublishAsync(created.Id);
        var ticketTypeId = created.TicketTypes[0].Id;
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync();
        await alice.Client.JoinQueueAsync(created.Id);
        await bob.Client.JoinQueueAsync(created.Id);
        await SendAsync(new AdmitFromQueueCommand());
        var aliceToken = (await alice.Client.PollQueueAsync(created.Id)).Admission!.Token;

        await (await alice.Client.ClaimAsync(created.Id, ticketTypeId, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "ADMISSION_REQUIRED");
        await (await bob.Client.ClaimAsync(created.Id, ticketTypeId, 1, aliceToken)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "ADMISSION_INVALID");
        var forged = aliceToken[..^4] + (aliceToken[^4..] == "AAAA" ? "BBBB" : "AAAA");
        await (await alice.Client.ClaimAsync(created.Id, ticketTypeId, 1, forged)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "ADMISSION_INVALID");

        await alice.Client.ClaimOkAsync(created.Id, ticketTypeId, 2, aliceToken);
        (await alice.Client.PollQueueAsync(created.Id)).Status.ShouldBe(Ticketing.Domain.Queue.QueueEntryStatus.Used);
        await (await alice.Client.ClaimAsync(created.Id, ticketTypeId, 1, aliceToken)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "ADMISSION_INVALID");
    }

    [Fact]
    public async Task An_expired_admission_no_longer_buys_anything()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), 10));
        await organizer.Client.PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        await customer.Client.JoinQueueAsync(created.Id);
        await SendAsync(new AdmitFromQueueCommand());
        var token = (await customer.Client.PollQueueAsync(created.Id)).Admission!.Token;

        Clock.Advance(TimeSpan.FromMinutes(10));

        await (await customer.Client.ClaimAsync(created.Id, created.TicketTypes[0].Id, 1, token)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "ADMISSION_INVALID");
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(0);
    }

    [Fact]
    public async Task Seats_are_claimed_all_or_nothing()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var map = (await Anonymous().GetFromJsonAsync<EventSeatMapDto>($"/api/events/{created.Id}/seats", ApiJson.Options))!;
        var rowA = map.Sections[0].Rows[0].Seats.Select(s => s.Id).ToList();
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();

        var taken = await first.Client.ClaimSeatsAsync(created.Id, rowA.Take(2));
        taken.StatusCode.ShouldBe(HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        var claim = (await taken.Content.ReadFromJsonAsync<ClaimDto>(ApiJson.Options))!;
        claim.Total.ShouldBe(25.00m);

        var overlapping = await second.Client.ClaimSeatsAsync(created.Id, rowA.Skip(1).Take(2));
        (await overlapping.ShouldBeProblemAsync(HttpStatusCode.Conflict, "SEATS_UNAVAILABLE")).GetProperty("detail").GetString()!.ShouldContain(rowA[1].ToString());
        (await ScalarAsync<long>("SELECT count(*) FROM event_seats WHERE status = 'Held'")).ShouldBe(2);
        (await ScalarAsync<int>("SELECT held FROM ticket_types WHERE name = 'Standard'")).ShouldBe(2);

        var after = (await Anonymous().GetFromJsonAsync<EventSeatMapDto>($"/api/events/{created.Id}/seats", ApiJson.Options))!;
        after.Sections[0].Rows[0].Seats.Select(s => s.Status).Take(3).ShouldBe([SeatStatus.Held, SeatStatus.Held, SeatStatus.Available]);

        await first.Client.DeleteAsync($"/api/claims/{claim.Id}");
        (await second.Client.ClaimSeatsAsync(created.Id, rowA.Skip(1).Take(2))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await first.Client.ClaimAsync(created.Id, created.TicketTypes[0].Id, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_sold_out_event_keeps_a_waiting_list_that_is_admitted_in_order_as_stock_returns()
    {
        var (eventId, ticketTypeId) = await OnSaleEventAsync(capacity: 2);
        var buyer = await CreateUserAsync();
        var waiter = await CreateUserAsync();
        var claim = await buyer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        await (await waiter.Client.ClaimAsync(eventId, ticketTypeId, 1)).ShouldBeProblemAsync(HttpStatusCode.Gone, "SOLD_OUT");

        await waiter.Client.JoinQueueAsync(eventId);
        await buyer.Client.DeleteAsync($"/api/claims/{claim.Id}");

        // While the waiting list is being served, nobody jumps it by claiming directly.
        var jumper = await CreateUserAsync();
        await (await jumper.Client.ClaimAsync(eventId, ticketTypeId, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "ADMISSION_REQUIRED");
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);
        var token = (await waiter.Client.PollQueueAsync(eventId)).Admission!.Token;
        await waiter.Client.ClaimOkAsync(eventId, ticketTypeId, 2, token);
    }

    private async Task<(Guid EventId, Guid TicketTypeId)> OnSaleEventAsync(int capacity, decimal price = 25.50m)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: capacity, price: price));
        await organizer.Client.PublishAsync(created.Id);
        return (created.Id, created.TicketTypes[0].Id);
    }
}
