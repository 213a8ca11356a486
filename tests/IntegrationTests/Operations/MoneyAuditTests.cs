using System.Net;
using System.Net.Http.Json;
using Serilog.Events;
using Ticketing.Application.Bookings.Commands.RefundCancelledEvents;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.Application.Payments;
using Ticketing.Application.Payments.Commands.AuditMoney;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

/// <summary>Invariant 11: for every captured payment, captured = booked + credited + refunded — and the audit says when not.</summary>
public sealed class MoneyAuditTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_clean_money_flow_audits_to_zero_drift()
    {
        var (eventId, ticketTypeId, organizer) = await OnSaleAsync();
        var card = await CreateUserAsync();
        await BookByCardAsync(card, eventId, ticketTypeId, 2);
        var wallet = await CreateUserAsync();
        await Factory.FundWalletAsync(wallet.Id, 10_000);
        var walletClaim = await wallet.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        (await wallet.Client.PayAsync(walletClaim.Id, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var cancels = await CreateUserAsync();
        var cancelled = await BookByCardAsync(cancels, eventId, ticketTypeId, 1);
        (await cancels.Client.PostAsync($"/api/bookings/{cancelled}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var topUp = await card.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/top-ups")
        {
            Content = JsonContent.Create(new { amount = 12.00m, currency = "USD" }),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        });
        topUp.StatusCode.ShouldBe(HttpStatusCode.Created, await topUp.Content.ReadAsStringAsync());
        var topUpPayment = (await topUp.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        await Anonymous().SendWebhookAsync("charge.success", topUpPayment.Reference, 1200);

        var audit = await AuditAsync(await CreateUserAsync("Admin"));

        audit.Drifts.ShouldBeEmpty();
        audit.InFlight.ShouldBeEmpty();
        audit.PendingRefunds.ShouldBe(0);
        audit.StuckMoneyMovingMessages.ShouldBe(0);
        var simulated = audit.Totals.Single(t => t.Provider == "simulated");
        simulated.ShouldBe(new MoneyAuditTotalDto("USD", "simulated", 3, 88.50m, 51.00m, 37.50m, 0m, 0m, 0m));
        audit.Totals.Single(t => t.Provider == "wallet").ShouldBe(new MoneyAuditTotalDto("USD", "wallet", 1, 25.50m, 25.50m, 0m, 0m, 0m, 0m));

        // The organizer cancels the event: the card refunds are in flight until the outbox delivers them, then refunded.
        (await organizer.Client.PostAsync($"/api/events/{eventId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SendAsync(new RefundCancelledEventsCommand());
        var refunding = await AuditAsync(await CreateUserAsync("Admin"));
        refunding.Drifts.ShouldBeEmpty();
        refunding.PendingRefunds.ShouldBe(1);
        while (await SendAsync(new DispatchOutboxCommand()) > 0)
        {
        }

        var settled = await AuditAsync(await CreateUserAsync("Admin"));
        settled.Drifts.ShouldBeEmpty();
        settled.PendingRefunds.ShouldBe(0);
        settled.Totals.Single(t => t.Provider == "simulated").Refunded.ShouldBe(51.00m);
        (await SendAsync(new AuditMoneyCommand())).ShouldBe(0);
    }

    [Fact]
    public async Task A_booking_broken_behind_the_books_is_reported_as_drift_with_its_payment_and_logged_at_error()
    {
        var (eventId, ticketTypeId, _) = await OnSaleAsync();
        var customer = await CreateUserAsync();
        var bookingId = await BookByCardAsync(customer, eventId, ticketTypeId, 2);
        var paymentId = await ScalarAsync<Guid>("SELECT payment_id FROM bookings WHERE id = @id", ("id", bookingId));

        // A ticket voided with no refund: the money it paid for is now nowhere.
        await ScalarAsync<int>("UPDATE tickets SET status = 'Void' WHERE id = (SELECT id FROM tickets WHERE booking_id = @id LIMIT 1) RETURNING 1", ("id", bookingId));

        var drift = (await AuditAsync(await CreateUserAsync("Admin"))).Drifts.ShouldHaveSingleItem();
        drift.PaymentId.ShouldBe(paymentId);
        drift.ShouldBe(drift with { Captured = 51.00m, Booked = 25.50m, Credited = 0m, Refunded = 0m, Difference = 25.50m });
        (await SendAsync(new AuditMoneyCommand())).ShouldBe(1);
        Factory.Logs.Events.ShouldContain(e => e.Level == LogEventLevel.Error && e.RenderMessage(null).Contains(paymentId.ToString()));
    }

    [Fact]
    public async Task Only_an_admin_reads_the_money_audit()
    {
        (await Anonymous().GetAsync("/api/admin/money-audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await CreateUserAsync("Organizer")).Client.GetAsync("/api/admin/money-audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await CreateUserAsync()).Client.GetAsync("/api/admin/money-audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await CreateUserAsync("Admin")).Client.GetAsync("/api/admin/money-audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<MoneyAuditDto> AuditAsync(TestUser admin) =>
        (await admin.Client.GetFromJsonAsync<MoneyAuditDto>("/api/admin/money-audit", ApiJson.Options))!;

    private async Task<Guid> BookByCardAsync(TestUser customer, Guid eventId, Guid ticketTypeId, int quantity)
    {
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, quantity);
        var response = await customer.Client.PayAsync(claim.Id, "Card");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var payment = (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, quantity * 2550L);
        return await ScalarAsync<Guid>("SELECT id FROM bookings WHERE payment_id = @id", ("id", payment.Id));
    }

    private async Task<(Guid EventId, Guid TicketTypeId, TestUser Organizer)> OnSaleAsync()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: 20));
        await organizer.Client.PublishAsync(created.Id);
        return (created.Id, created.TicketTypes[0].Id, organizer);
    }
}
