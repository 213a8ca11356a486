using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Bookings;
using Ticketing.Application.Bookings.Commands.RefundCancelledEvents;
using Ticketing.Application.Events.Queries.GetEventSeats;
using Ticketing.Application.Events.Queries.GetEventStats;
using Ticketing.Application.Payments;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Payments;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

/// <summary>Invariants 1, 2, 8 and 9 where the door meets cancellation: a used ticket is never refunded or resold as unused.</summary>
public sealed class DoorWindowAndCancellationTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Tickets_check_in_only_inside_the_door_window_by_default_four_hours_before_the_start_until_the_end()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddHours(5), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var code = (await organizer.Client.SellAtBoxOfficeAsync(created.Id, created.TicketTypes[0].Id, 2)).Tickets.Select(t => t.Code).ToList();

        var early = await organizer.Client.PostAsJsonAsync($"/api/events/{created.Id}/check-ins", new { code = code[0] });

        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "DOORS_CLOSED");
        var shown = await Anonymous().GetFromJsonAsync<JsonElement>($"/api/events/{created.Id}");
        shown.GetProperty("doorsOpenAt").GetDateTimeOffset().ShouldBe(created.StartsAt.AddHours(-4));
        shown.GetProperty("doorsCloseAt").GetDateTimeOffset().ShouldBe(created.EndsAt);
        Clock.Advance(TimeSpan.FromHours(1));
        var door = await SignInAgainAsync(organizer);
        await door.CheckInOkAsync(created.Id, code[0]);
        Clock.Advance(TimeSpan.FromHours(7));
        door = await SignInAgainAsync(organizer);
        await (await door.PostAsJsonAsync($"/api/events/{created.Id}/check-ins", new { code = code[1] })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "DOORS_CLOSED");
        (await ScalarAsync<long>("SELECT count(*) FROM tickets WHERE status = 'CheckedIn'")).ShouldBe(1);
    }

    [Fact]
    public async Task An_organizer_sets_the_door_window_and_it_must_be_a_window()
    {
        var organizer = await CreateUserAsync("Organizer");
        var startsAt = Now.AddDays(2);
        var body = JsonSerializer.SerializeToNode(CatalogueApi.GeneralAdmission(startsAt, Now.AddHours(-1)), ApiJson.Options)!.AsObject();
        body["doorsOpenAt"] = Now.AddMinutes(-1);
        body["doorsCloseAt"] = startsAt.AddHours(1);
        var created = await organizer.Client.CreateEventAsync(body);
        await organizer.Client.PublishAsync(created.Id);
        var code = (await organizer.Client.SellAtBoxOfficeAsync(created.Id, created.TicketTypes[0].Id, 1)).Tickets[0].Code;

        await organizer.Client.CheckInOkAsync(created.Id, code);

        body["doorsOpenAt"] = startsAt.AddHours(2);
        var inverted = await organizer.Client.PostAsJsonAsync("/api/events", body);
        (await inverted.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors").TryGetProperty("doorsCloseAt", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_customer_cannot_cancel_a_booking_once_one_of_its_tickets_was_used()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var customer = await CreateUserAsync();
        var booking = await BookByWalletAsync(customer, eventId, ticketTypeId, 2);
        await organizer.Client.CheckInOkAsync(eventId, booking.Tickets[0].Code);

        var cancel = await customer.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null);

        await cancel.ShouldBeProblemAsync(HttpStatusCode.Conflict, "TICKET_USED");
        (await ScalarAsync<string>("SELECT status FROM bookings")).ShouldBe("Confirmed");
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = @id", ("id", customer.Id))).ShouldBe(10_000 - 5_100);
        await AssertStockMatchesTicketsAsync();
    }

    [Fact]
    public async Task An_organizer_cancelling_a_partly_used_seated_booking_refunds_and_resells_only_the_unused_seat()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddHours(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var seats = (await Anonymous().GetFromJsonAsync<EventSeatMapDto>($"/api/events/{created.Id}/seats", ApiJson.Options))!.Sections[0].Rows[0].Seats.Select(s => s.Id).ToList();
        var customer = await CreateUserAsync();
        await Factory.FundWalletAsync(customer.Id, 10_000, "GBP");
        var claim = await customer.Client.ClaimSeatsAsync(created.Id, seats.Take(2));
        claim.StatusCode.ShouldBe(HttpStatusCode.Created, await claim.Content.ReadAsStringAsync());
        var claimId = (await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await customer.Client.PayAsync(claimId, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var booking = await MyOnlyBookingAsync(customer);
        var used = booking.Tickets.Single(t => t.Seat == "Stalls A 1");
        await organizer.Client.CheckInOkAsync(created.Id, used.Code);

        var cancel = await organizer.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null);

        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
        var cancelled = (await cancel.Content.ReadFromJsonAsync<BookingDto>(ApiJson.Options))!;
        cancelled.Tickets.Single(t => t.Id == used.Id).Status.ShouldBe(TicketStatus.CheckedIn);
        cancelled.Tickets.Single(t => t.Id != used.Id).Status.ShouldBe(TicketStatus.Void);
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = @id", ("id", customer.Id))).ShouldBe(10_000 - 1_250);
        (await ScalarAsync<long>("SELECT amount FROM wallet_transactions WHERE reference = @r", ("r", $"booking-refund:{booking.Id}"))).ShouldBe(1_250);
        await (await organizer.Client.PostAsJsonAsync($"/api/events/{created.Id}/check-ins", new { code = used.Code }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "ALREADY_CHECKED_IN");

        // The used seat stays sold; the next buyer gets the freed one, paid by card, and a booking for it.
        var next = await CreateUserAsync();
        await (await next.Client.ClaimSeatsAsync(created.Id, [seats[0]])).ShouldBeProblemAsync(HttpStatusCode.Conflict, "SEATS_UNAVAILABLE");
        var freed = await next.Client.ClaimSeatsAsync(created.Id, [seats[1]]);
        freed.StatusCode.ShouldBe(HttpStatusCode.Created, await freed.Content.ReadAsStringAsync());
        var pay = await next.Client.PayAsync((await freed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), "Card");
        var payment = (await pay.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 1_250, "GBP")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync<long>("SELECT count(*) FROM bookings WHERE customer_id = @id AND status = 'Confirmed'", ("id", next.Id))).ShouldBe(1);
        await AssertStockMatchesTicketsAsync();
    }

    [Fact]
    public async Task Cancelling_an_event_refunds_only_the_unused_tickets_of_a_partly_used_card_booking_to_the_wallet()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var customer = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        var pay = await customer.Client.PayAsync(claim.Id, "Card");
        var payment = (await pay.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 5_100);
        var booking = await MyOnlyBookingAsync(customer);
        await organizer.Client.CheckInOkAsync(eventId, booking.Tickets[0].Code);

        (await organizer.Client.PostAsync($"/api/events/{eventId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(new RefundCancelledEventsCommand())).ShouldBe(1);

        (await ScalarAsync<string>("SELECT status FROM payments WHERE id = @id", ("id", payment.Id))).ShouldBe(nameof(PaymentStatus.Succeeded));
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = @id", ("id", customer.Id))).ShouldBe(2_550);
        (await ScalarAsync<long>("SELECT amount FROM wallet_transactions WHERE reference = @r", ("r", $"booking-refund:{booking.Id}"))).ShouldBe(2_550);
        (await ScalarAsync<long>("SELECT count(*) FROM tickets WHERE status = 'CheckedIn'")).ShouldBe(1);
        await AssertStockMatchesTicketsAsync();
    }

    [Fact]
    public async Task A_ticket_of_a_cancelled_event_does_not_check_in_so_its_refund_is_whole()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var customer = await CreateUserAsync();
        var booking = await BookByWalletAsync(customer, eventId, ticketTypeId, 2);
        (await organizer.Client.PostAsync($"/api/events/{eventId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var scan = await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code = booking.Tickets[0].Code });

        await scan.ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        (await SendAsync(new RefundCancelledEventsCommand())).ShouldBe(1);
        (await ScalarAsync<long>("SELECT count(*) FROM tickets WHERE status = 'CheckedIn'")).ShouldBe(0);
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = @id", ("id", customer.Id))).ShouldBe(10_000);
        await AssertStockMatchesTicketsAsync();
    }

    [Fact]
    public async Task Stats_and_revenue_count_as_refunded_only_what_a_partial_cancellation_gave_back()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var booking = await BookByWalletAsync(await CreateUserAsync(), eventId, ticketTypeId, 2);
        await organizer.Client.CheckInOkAsync(eventId, booking.Tickets[0].Code);

        (await organizer.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stats = (await organizer.Client.GetFromJsonAsync<EventStatsDto>($"/api/events/{eventId}/stats", ApiJson.Options))!.Revenue.ShouldHaveSingleItem();
        (stats.Gross, stats.Refunds, stats.Net).ShouldBe((51.00m, 25.50m, 25.50m));
        var report = (await organizer.Client.GetFromJsonAsync<JsonElement>($"/api/reports/revenue?eventId={eventId}")).EnumerateArray().ShouldHaveSingleItem();
        (report.GetProperty("refunds").GetDecimal(), report.GetProperty("net").GetDecimal()).ShouldBe((25.50m, 25.50m));
    }

    /// <summary>Invariant 1 and 2 in SQL: sold is the tickets still in use, a sold seat is exactly a seat with such a ticket; wallets add up.</summary>
    private async Task AssertStockMatchesTicketsAsync()
    {
        (await ScalarAsync<long>("""
            SELECT count(*) FROM ticket_types tt
            WHERE tt.sold <> (SELECT count(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status <> 'Void')
            """)).ShouldBe(0);
        (await ScalarAsync<long>("""
            SELECT count(*) FROM event_seats s
            WHERE (s.status = 'Sold') <> EXISTS (SELECT 1 FROM tickets t WHERE t.seat_id = s.id AND t.status <> 'Void')
            """)).ShouldBe(0);
        (await ScalarAsync<long>("""
            SELECT count(*) FROM wallets w
            WHERE w.balance <> (SELECT coalesce(sum(CASE x.type WHEN 'Credit' THEN x.amount ELSE -x.amount END), 0)
                                  FROM wallet_transactions x WHERE x.wallet_id = w.id)
            """)).ShouldBe(0);
    }

    private async Task<(TestUser Organizer, Guid EventId, Guid TicketTypeId)> OnSaleSoonAsync()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddHours(2), Now.AddHours(-1), capacity: 10));
        await organizer.Client.PublishAsync(created.Id);
        return (organizer, created.Id, created.TicketTypes[0].Id);
    }

    private async Task<BookingDto> BookByWalletAsync(TestUser customer, Guid eventId, Guid ticketTypeId, int quantity)
    {
        await Factory.FundWalletAsync(customer.Id, 10_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, quantity);
        (await customer.Client.PayAsync(claim.Id, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);
        return await MyOnlyBookingAsync(customer);
    }

    private static async Task<BookingDto> MyOnlyBookingAsync(TestUser customer) =>
        (await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/bookings")).GetProperty("items")[0].Deserialize<BookingDto>(ApiJson.Options)!;

    /// <summary>Hours passed on the clock, so the access token has expired: sign in again.</summary>
    private async Task<HttpClient> SignInAgainAsync(TestUser user) => WithToken((await LoginAsync(user.Email, Password)).AccessToken);
}
