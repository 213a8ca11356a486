using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Bookings;
using Ticketing.Application.Claims;
using Ticketing.Application.Payments;
using Ticketing.Application.Wallets;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>Claim → pay → the gateway's signed notice → a booking with tickets, and every way that can go otherwise.</summary>
public sealed class PaymentFlowTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_card_payment_confirmed_by_a_signed_webhook_becomes_a_booking_with_one_ticket_each()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);

        var started = await customer.Client.PayAsync(claim.Id, "Card");
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var payment = (await started.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        payment.Status.ShouldBe(PaymentStatus.Pending);
        payment.CardAmount.ShouldBe(51.00m);
        payment.CheckoutUrl.ShouldBe($"/simulated-gateway/checkout/{payment.Reference}");

        (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 5100)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Confirmed);
        (await customer.Client.GetFromJsonAsync<PaymentDto>($"/api/payments/{payment.Id}", ApiJson.Options))!.Status.ShouldBe(PaymentStatus.Succeeded);
        var booking = (await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/bookings")).GetProperty("items")[0].Deserialize<BookingDto>(ApiJson.Options)!;
        booking.Status.ShouldBe(BookingStatus.Confirmed);
        booking.Total.ShouldBe(51.00m);
        booking.Tickets.Count.ShouldBe(2);
        booking.Tickets.ShouldAllBe(t => t.Status == TicketStatus.Valid && t.Code.StartsWith("T1.") && t.TicketType == "General");
        (await ScalarAsync<int>("SELECT sold FROM ticket_types")).ShouldBe(2);
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(0);
    }

    [Fact]
    public async Task The_simulated_checkout_page_pays_through_the_same_signed_webhook()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var payment = (await (await customer.Client.PayAsync(claim.Id, "Card")).Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;

        var page = await Anonymous().GetStringAsync(payment.CheckoutUrl);
        page.ShouldContain("25.50 USD");
        var paid = await Anonymous().PostAsync($"{payment.CheckoutUrl}/pay", null);

        (await paid.Content.ReadAsStringAsync()).ShouldContain("The shop received the payment notice");
        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Confirmed);
    }

    [Fact]
    public async Task A_webhook_delivered_twice_takes_effect_once()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var payment = await CardPaymentAsync(customer, claim.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Anonymous().SendWebhookAsync("charge.success", payment.Reference, 2550, id: 777)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await ScalarAsync<long>("SELECT count(*) FROM bookings")).ShouldBe(1);
        (await ScalarAsync<long>("SELECT count(*) FROM tickets")).ShouldBe(1);
        (await ScalarAsync<int>("SELECT sold FROM ticket_types")).ShouldBe(1);
    }

    [Fact]
    public async Task A_badly_signed_webhook_is_401_and_changes_nothing()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var payment = await CardPaymentAsync(customer, claim.Id);

        await (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 2550, signatureSecret: "not-the-secret"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        await (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 2550, signatureSecret: null))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");

        (await ScalarAsync<string>("SELECT status FROM payments")).ShouldBe("Pending");
        (await ScalarAsync<long>("SELECT count(*) FROM payment_webhook_inbox")).ShouldBe(0);
        await (await Anonymous().PostAsync("/api/webhooks/payments/nosuchpay", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_capture_for_another_amount_or_currency_is_flagged_not_applied()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var payment = await CardPaymentAsync(customer, claim.Id);

        (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 100)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 2550, currency: "NGN")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ScalarAsync<string>("SELECT status FROM payments")).ShouldBe("Pending");
        (await ScalarAsync<string>("SELECT flagged_reason FROM payments")).ShouldContain("NGN");
        (await ScalarAsync<long>("SELECT count(*) FROM bookings")).ShouldBe(0);
        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Pending);
    }

    [Fact]
    public async Task A_failed_card_releases_the_claim_and_its_stock_and_a_later_failure_after_success_changes_nothing()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 3);
        var declined = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 3);
        var first = await CardPaymentAsync(customer, declined.Id);

        (await Anonymous().SendWebhookAsync("charge.failed", first.Reference, 7650)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{declined.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Released);
        (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Available.ShouldBe(3);

        var paid = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var second = await CardPaymentAsync(customer, paid.Id);
        await Anonymous().SendWebhookAsync("charge.success", second.Reference, 2550);
        (await Anonymous().SendWebhookAsync("charge.failed", second.Reference, 2550)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await customer.Client.GetFromJsonAsync<PaymentDto>($"/api/payments/{second.Id}", ApiJson.Options))!.Status.ShouldBe(PaymentStatus.Succeeded);
        (await ScalarAsync<long>("SELECT count(*) FROM bookings WHERE status = 'Confirmed'")).ShouldBe(1);
    }

    [Fact]
    public async Task Paying_by_wallet_books_at_once_and_the_ledger_records_it()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        await Factory.FundWalletAsync(customer.Id, 10_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);

        var response = await customer.Client.PayAsync(claim.Id, "Wallet");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!.Status.ShouldBe(PaymentStatus.Succeeded);
        (await customer.Client.GetFromJsonAsync<WalletDto>("/api/me/wallet", ApiJson.Options))!.ShouldBe(new WalletDto(49.00m, "USD"));
        var ledger = await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/wallet/transactions");
        ledger.GetProperty("items")[0].GetProperty("type").GetString().ShouldBe("Debit");
        ledger.GetProperty("items")[0].GetProperty("amount").GetDecimal().ShouldBe(51.00m);
        ledger.GetProperty("items")[0].GetProperty("balanceAfter").GetDecimal().ShouldBe(49.00m);
        (await ScalarAsync<long>("SELECT count(*) FROM tickets")).ShouldBe(2);
    }

    [Fact]
    public async Task A_wallet_that_cannot_cover_the_claim_is_409_INSUFFICIENT_FUNDS()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        await Factory.FundWalletAsync(customer.Id, 1_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);

        await (await customer.Client.PayAsync(claim.Id, "Wallet")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INSUFFICIENT_FUNDS");

        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(1_000);
        (await ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(0);
    }

    [Fact]
    public async Task Split_pays_what_the_wallet_holds_and_a_failed_card_part_gives_it_back()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        await Factory.FundWalletAsync(customer.Id, 2_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);

        var payment = (await (await customer.Client.PayAsync(claim.Id, "Split")).Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        payment.WalletAmount.ShouldBe(20.00m);
        payment.CardAmount.ShouldBe(31.00m);
        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(0);

        (await Anonymous().SendWebhookAsync("charge.failed", payment.Reference, 3100)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(2_000);
        (await ScalarAsync<long>("SELECT sum(CASE type WHEN 'Credit' THEN amount ELSE -amount END)::bigint FROM wallet_transactions")).ShouldBe(2_000);
        (await customer.Client.GetFromJsonAsync<ClaimDto>($"/api/claims/{claim.Id}", ApiJson.Options))!.Status.ShouldBe(ClaimStatus.Released);
    }

    [Fact]
    public async Task Split_with_a_captured_card_part_books_the_whole_claim()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        await Factory.FundWalletAsync(customer.Id, 2_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        var payment = (await (await customer.Client.PayAsync(claim.Id, "Split")).Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;

        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 3100);

        (await ScalarAsync<long>("SELECT count(*) FROM tickets")).ShouldBe(2);
        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(0);
    }

    [Fact]
    public async Task A_card_part_captured_after_its_split_payment_failed_is_refunded_not_booked()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        await Factory.FundWalletAsync(customer.Id, 2_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        var payment = (await (await customer.Client.PayAsync(claim.Id, "Split")).Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        await Anonymous().SendWebhookAsync("charge.failed", payment.Reference, 3100);

        (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 3100)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The wallet part went back when the payment failed; 31.00 of 51.00 does not buy the tickets.
        (await ScalarAsync<long>("SELECT count(*) FROM tickets")).ShouldBe(0);
        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(2_000);
        (await ScalarAsync<long>("SELECT sum(CASE type WHEN 'Credit' THEN amount ELSE -amount END)::bigint FROM wallet_transactions")).ShouldBe(2_000);
        (await ScalarAsync<long>("SELECT count(*) FROM payments WHERE refund_requested_at IS NOT NULL")).ShouldBe(1);
    }

    [Fact]
    public async Task Releasing_a_claim_gives_up_its_payment_under_way_and_returns_the_wallet_part()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        await Factory.FundWalletAsync(customer.Id, 2_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2);
        await customer.Client.PayAsync(claim.Id, "Split");
        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(0);

        (await customer.Client.DeleteAsync($"/api/claims/{claim.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(2_000);
        (await ScalarAsync<string>("SELECT status FROM payments")).ShouldBe("Failed");
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(0);
    }

    [Fact]
    public async Task Payments_and_claims_of_others_are_404_and_ended_claims_cannot_be_paid()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(capacity: 10);
        var stranger = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var payment = await CardPaymentAsync(customer, claim.Id);

        await (await stranger.Client.GetAsync($"/api/payments/{payment.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.PayAsync(claim.Id, "Card")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await customer.Client.PayAsync(claim.Id, "Card")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");

        var other = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        Clock.Advance(TimeSpan.FromMinutes(11));
        await (await customer.Client.PayAsync(other.Id, "Card")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "CLAIM_EXPIRED");
    }

    private async Task<PaymentDto> CardPaymentAsync(TestUser customer, Guid claimId)
    {
        var response = await customer.Client.PayAsync(claimId, "Card");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
    }

    private async Task<(Guid EventId, Guid TicketTypeId, TestUser Customer)> OnSaleAsync(int capacity)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: capacity));
        await organizer.Client.PublishAsync(created.Id);
        return (created.Id, created.TicketTypes[0].Id, await CreateUserAsync());
    }
}
