using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Bookings;
using Ticketing.Application.Bookings.Commands.RefundCancelledEvents;
using Ticketing.Application.Claims;
using Ticketing.Application.Claims.Commands.ExpireClaims;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.Application.Payments;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>Invariant 8: captured money ends as a booking, a wallet credit or a refund — however late it arrives.</summary>
public sealed class LatePaymentAndCancellationTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_card_payment_in_flight_keeps_its_claim_through_the_grace_period()
    {
        var (eventId, ticketTypeId, _) = await OnSaleAsync(capacity: 5);
        var customer = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var payment = await CardPaymentAsync(customer, claim.Id);

        Clock.Advance(TimeSpan.FromMinutes(12));
        (await SendAsync(new ExpireClaimsCommand())).ShouldBe(0);
        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 2550);

        (await ScalarAsync<long>("SELECT count(*) FROM bookings")).ShouldBe(1);
    }

    [Fact]
    public async Task A_late_capture_whose_stock_is_still_there_is_booked_after_all()
    {
        var (eventId, ticketTypeId, _) = await OnSaleAsync(capacity: 5);
        var customer = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        var payment = await CardPaymentAsync(customer, claim.Id);
        Clock.Advance(TimeSpan.FromMinutes(16));
        (await SendAsync(new ExpireClaimsCommand())).ShouldBe(1);
        (await ScalarAsync<string>("SELECT status FROM claims")).ShouldBe("Expired");

        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 5100);

        var app = await SignInAgainAsync(customer);
        (await app.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Confirmed);
        (await app.GetFromJsonAsync<PaymentDto>($"/api/payments/{payment.Id}", ApiJson.Options))!.Status.ShouldBe(PaymentStatus.Succeeded);
        (await ScalarAsync<long>("SELECT count(*) FROM tickets")).ShouldBe(2);
        (await ScalarAsync<int>("SELECT sold FROM ticket_types")).ShouldBe(2);
    }

    [Fact]
    public async Task A_late_capture_whose_stock_was_sold_meanwhile_is_refunded_and_the_customer_told()
    {
        var (eventId, ticketTypeId, _) = await OnSaleAsync(capacity: 2);
        var late = await CreateUserAsync();
        var claim = await late.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        var payment = await CardPaymentAsync(late, claim.Id);
        Clock.Advance(TimeSpan.FromMinutes(16));
        await SendAsync(new ExpireClaimsCommand());
        var quicker = await CreateUserAsync();
        await Factory.FundWalletAsync(quicker.Id, 10_000);
        var quickerClaim = await quicker.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        (await quicker.Client.PayAsync(quickerClaim.Id, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);

        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 5100);

        // The refund request goes out through the outbox, and the refund's own notice after it.
        while (await SendAsync(new DispatchOutboxCommand()) > 0)
        {
        }

        (await (await SignInAgainAsync(late)).GetFromJsonAsync<PaymentDto>($"/api/payments/{payment.Id}", ApiJson.Options))!.Status.ShouldBe(PaymentStatus.Refunded);
        (await ScalarAsync<long>("SELECT count(*) FROM bookings WHERE customer_id = @id", ("id", late.Id))).ShouldBe(0);
        (await ScalarAsync<int>("SELECT sold FROM ticket_types")).ShouldBe(2);
        var mail = await Anonymous().GetFromJsonAsync<JsonElement>($"/dev/mailbox?to={late.Email}");
        mail.EnumerateArray().ShouldContain(m => m.GetProperty("subject").GetString() == "Your payment was refunded");
    }

    [Fact]
    public async Task A_customer_cancels_a_booking_into_their_wallet_and_the_tickets_go_back_on_sale()
    {
        var (eventId, ticketTypeId, _) = await OnSaleAsync(capacity: 2);
        var customer = await CreateUserAsync();
        var booking = await BookByCardAsync(customer, eventId, ticketTypeId, 2);

        var response = await customer.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cancelled = (await response.Content.ReadFromJsonAsync<BookingDto>(ApiJson.Options))!;
        cancelled.Status.ShouldBe(BookingStatus.Cancelled);
        cancelled.Tickets.ShouldAllBe(t => t.Status == TicketStatus.Void && t.Code == string.Empty);
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = @id", ("id", customer.Id))).ShouldBe(5_100);
        (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Available.ShouldBe(2);
        await (await customer.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
    }

    [Fact]
    public async Task Cancelling_an_event_refunds_every_booking_exactly_once()
    {
        var (eventId, ticketTypeId, organizer) = await OnSaleAsync(capacity: 20);
        var byCard = await CreateUserAsync();
        var byWallet = await CreateUserAsync();
        var cardBooking = await BookByCardAsync(byCard, eventId, ticketTypeId, 2);
        await Factory.FundWalletAsync(byWallet.Id, 10_000);
        var walletClaim = await byWallet.Client.ClaimOkAsync(eventId, ticketTypeId, 3);
        (await byWallet.Client.PayAsync(walletClaim.Id, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var pending = await (await CreateUserAsync()).Client.ClaimOkAsync(eventId, ticketTypeId, 1);

        (await organizer.Client.PostAsync($"/api/events/{eventId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(new RefundCancelledEventsCommand(BatchSize: 1))).ShouldBe(1);
        (await SendAsync(new RefundCancelledEventsCommand())).ShouldBe(1);
        (await SendAsync(new RefundCancelledEventsCommand())).ShouldBe(0);
        while (await SendAsync(new DispatchOutboxCommand()) > 0)
        {
        }

        (await ScalarAsync<long>("SELECT count(*) FROM bookings WHERE status = 'Cancelled'")).ShouldBe(2);
        (await ScalarAsync<string>("SELECT status FROM payments WHERE claim_id = (SELECT claim_id FROM bookings WHERE id = @id)", ("id", cardBooking.Id))).ShouldBe("Refunded");
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = @id", ("id", byWallet.Id))).ShouldBe(10_000);
        (await ScalarAsync<long>("SELECT count(*) FROM wallet_transactions WHERE reference LIKE 'booking-refund:%'")).ShouldBe(1);
        (await ScalarAsync<string>("SELECT status FROM claims WHERE id = @id", ("id", pending.Id))).ShouldBe("Released");
        (await ScalarAsync<long>("SELECT count(*) FROM tickets WHERE status <> 'Void'")).ShouldBe(0);
        (await ScalarAsync<int>("SELECT sold + held FROM ticket_types")).ShouldBe(0);
    }

    /// <summary>Minutes passed on the clock, so the app's access token has expired: it signs in again.</summary>
    private async Task<HttpClient> SignInAgainAsync(TestUser user) => WithToken((await LoginAsync(user.Email, Password)).AccessToken);

    private async Task<BookingDto> BookByCardAsync(TestUser customer, Guid eventId, Guid ticketTypeId, int quantity)
    {
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, quantity);
        var payment = await CardPaymentAsync(customer, claim.Id);
        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, quantity * 2550L);
        return (await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/bookings")).GetProperty("items")[0].Deserialize<BookingDto>(ApiJson.Options)!;
    }

    private async Task<PaymentDto> CardPaymentAsync(TestUser customer, Guid claimId)
    {
        var response = await customer.Client.PayAsync(claimId, "Card");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
    }

    private async Task<(Guid EventId, Guid TicketTypeId, TestUser Organizer)> OnSaleAsync(int capacity)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: capacity));
        await organizer.Client.PublishAsync(created.Id);
        return (created.Id, created.TicketTypes[0].Id, organizer);
    }
}
