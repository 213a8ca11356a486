using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Ticketing.Application.Bookings.Commands.RefundCancelledEvents;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.Application.Payments;
using Ticketing.Application.Payments.Commands.RedriveStrandedRefunds;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>A card refund through Paystack: never given up, never paid twice, and its failure still returns the money.</summary>
public sealed class RefundDeliveryTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const long TicketPrice = 2550;

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_card_refund_outlasts_hours_of_provider_outage_and_completes_when_the_provider_recovers()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (payment, refundAsked) = await CardBookingOfACancelledEventAsync(host, whileProviderIs: FakePaystack.Fault.ServerError);

        // Far past where the dispatcher used to dead-letter (8 attempts, about four minutes).
        for (var attempt = 0; attempt < 24; attempt++)
        {
            await refundAsked();
            Clock.Advance(TimeSpan.FromMinutes(10));
        }

        (await PaymentStatusAsync(payment)).ShouldBe("Succeeded");
        host.Paystack.Faults = FakePaystack.Fault.None;
        host.Paystack.Refunds = FakePaystack.RefundBehaviour.Processed;
        await refundAsked();

        (await PaymentStatusAsync(payment)).ShouldBe("Refunded");
        host.Api.Logs.Events.ShouldContain(e => e.Level == LogEventLevel.Error && e.RenderMessage(null).Contains(nameof(Ticketing.Domain.Payments.PaymentRefundRequestedEvent)));
    }

    [Fact]
    public async Task A_refund_request_delivered_again_after_the_provider_accepted_it_neither_refunds_nor_credits_again()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (payment, refundAsked) = await CardBookingOfACancelledEventAsync(host, whileProviderIs: FakePaystack.Fault.None);
        await refundAsked();

        // The worker died after Paystack's answer and before the message was marked done: it is delivered again. Paystack
        // refuses a second refund of the charge, and verify still reports the charge captured while its refund is pending.
        await ScalarAsync<int>(
            "UPDATE outbox_messages SET processed_at = NULL, next_attempt_at = @now WHERE type LIKE '%PaymentRefundRequestedEvent' RETURNING 1",
            ("now", Now));
        host.Paystack.Refunds = FakePaystack.RefundBehaviour.Rejected;
        await refundAsked();

        host.Paystack.Requests.Count(r => r.Path == "/refund").ShouldBe(1);
        (await ScalarAsync<long>("SELECT count(*) FROM wallet_transactions WHERE reference LIKE 'refund:%'")).ShouldBe(0);
        (await host.RefundNoticeAsync("refund.processed", payment.Reference, TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PaymentStatusAsync(payment)).ShouldBe("Refunded");
        (await ScalarAsync<string>("SELECT provider_refund_id FROM payments WHERE id = @id", ("id", payment.Id))).ShouldBe("3018284");
    }

    [Fact]
    public async Task A_failed_card_refund_returns_the_money_to_the_wallet_once()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (payment, refundAsked) = await CardBookingOfACancelledEventAsync(host, whileProviderIs: FakePaystack.Fault.None);
        await refundAsked();

        (await host.RefundNoticeAsync("refund.failed", payment.Reference, TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.RefundNoticeAsync("refund.failed", payment.Reference, TicketPrice, refundId: 3018285)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await refundAsked();

        (await PaymentStatusAsync(payment)).ShouldBe("Refunded");
        (await ScalarAsync<long>("SELECT coalesce(sum(amount), 0)::bigint FROM wallet_transactions WHERE reference = @ref", ("ref", $"refund:{payment.Id}")))
            .ShouldBe(TicketPrice);
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = (SELECT customer_id FROM payments WHERE id = @id)", ("id", payment.Id)))
            .ShouldBe(TicketPrice);
        host.Paystack.Requests.Count(r => r.Path == "/refund").ShouldBe(1);
    }

    [Fact]
    public async Task A_refund_failure_notice_that_arrives_after_the_refund_was_processed_pays_nothing_more()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (payment, refundAsked) = await CardBookingOfACancelledEventAsync(host, whileProviderIs: FakePaystack.Fault.None);
        await refundAsked();

        (await host.RefundNoticeAsync("refund.processed", payment.Reference, TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.RefundNoticeAsync("refund.failed", payment.Reference, TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await PaymentStatusAsync(payment)).ShouldBe("Refunded");
        (await ScalarAsync<long>("SELECT count(*) FROM wallet_transactions")).ShouldBe(0);
    }

    [Fact]
    public async Task A_refund_whose_answer_was_lost_is_found_at_the_provider_on_the_next_attempt_and_never_credited_as_well()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (payment, refundAsked) = await CardBookingOfACancelledEventAsync(host, whileProviderIs: FakePaystack.Fault.None);
        host.Paystack.LoseRefundAnswers = true;
        await host.SendAsync(new DispatchOutboxCommand());

        // The retry: Paystack refuses a second refund of the charge while verify still reports it captured.
        host.Paystack.LoseRefundAnswers = false;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await refundAsked();

        (await ScalarAsync<long>("SELECT count(*) FROM wallet_transactions WHERE reference LIKE 'refund:%'")).ShouldBe(0);
        (await PaymentStatusAsync(payment)).ShouldBe("Succeeded");
        var refundId = host.Paystack.RefundsById.Keys.Single().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await ScalarAsync<string>("SELECT coalesce(provider_refund_id, '') FROM payments WHERE id = @id", ("id", payment.Id))).ShouldBe(refundId);
        (await host.RefundNoticeAsync("refund.processed", payment.Reference, TicketPrice, refundId: long.Parse(refundId, System.Globalization.CultureInfo.InvariantCulture)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PaymentStatusAsync(payment)).ShouldBe("Refunded");
        (await AuditAsync(host)).Drifts.ShouldNotContain(d => d.PaymentId == payment.Id);
    }

    [Theory]
    [InlineData("processed", 0L)]
    [InlineData("failed", TicketPrice)]
    public async Task An_accepted_refund_whose_confirmation_never_came_is_asked_about_and_settled(string outcome, long creditedToWallet)
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (payment, refundAsked) = await CardBookingOfACancelledEventAsync(host, whileProviderIs: FakePaystack.Fault.None);
        await refundAsked();
        var refund = host.Paystack.RefundsById.Values.Single();

        Clock.Advance(TimeSpan.FromMinutes(30));
        (await host.SendAsync(new RedriveStrandedRefundsCommand())).ShouldBe(0, "a refund taken half an hour ago may still be confirmed");
        Clock.Advance(TimeSpan.FromMinutes(31));
        (await AuditAsync(host)).StaleRefunds.ShouldContain(d => d.PaymentId == payment.Id);
        (await host.SendAsync(new RedriveStrandedRefundsCommand())).ShouldBe(0, "Paystack still has it pending");

        // Paystack finished it; its webhook was lost.
        host.Paystack.RefundsById[refund.Id] = refund with { Status = outcome };
        (await host.SendAsync(new RedriveStrandedRefundsCommand())).ShouldBe(1);

        (await PaymentStatusAsync(payment)).ShouldBe("Refunded");
        (await ScalarAsync<long>("SELECT coalesce(sum(amount), 0)::bigint FROM wallet_transactions WHERE reference = @ref", ("ref", $"refund:{payment.Id}")))
            .ShouldBe(creditedToWallet);
        var audit = await AuditAsync(host);
        audit.StaleRefunds.ShouldBeEmpty();
        audit.Drifts.ShouldNotContain(d => d.PaymentId == payment.Id);
        host.Paystack.Requests.Count(r => r.Path == "/refund" && r.Method == "POST").ShouldBe(1);
    }

    [Fact]
    public async Task A_card_refund_confirmed_after_the_wallet_was_credited_instead_is_flagged_and_counted_as_drift()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (payment, refundAsked) = await CardBookingOfACancelledEventAsync(host, whileProviderIs: FakePaystack.Fault.None);
        await refundAsked();
        (await host.RefundNoticeAsync("refund.failed", payment.Reference, TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Paystack retried the refund after all: the customer now has the money on the card and in the wallet.
        (await host.RefundNoticeAsync("refund.processed", payment.Reference, TicketPrice, refundId: 3018290)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ScalarAsync<string>("SELECT coalesce(flagged_reason, '') FROM payments WHERE id = @id", ("id", payment.Id))).ShouldNotBeEmpty();
        host.Api.Logs.Events.ShouldContain(e => e.Level == LogEventLevel.Error && e.RenderMessage(null).Contains(payment.Reference));
        var audit = await AuditAsync(host);
        audit.Drifts.ShouldContain(d => d.PaymentId == payment.Id && d.Difference == -TicketPrice / 100m);
    }

    [Fact]
    public async Task The_sweeper_requests_again_a_refund_whose_message_was_dead_lettered_and_it_completes()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: 10));
        await organizer.Client.PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(created.Id, created.TicketTypes[0].Id, 1);
        var paid = await customer.Client.PayAsync(claim.Id, "Card");
        var payment = (await paid.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        await Anonymous().SendWebhookAsync("charge.success", payment.Reference, TicketPrice);
        (await organizer.Client.PostAsync($"/api/events/{created.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(new RefundCancelledEventsCommand())).ShouldBe(1);

        // Stranded the way the old dispatcher left refunds: dead-lettered after eight failed attempts.
        await ScalarAsync<int>(
            "UPDATE outbox_messages SET dead_lettered_at = @now, attempts = 8 WHERE type LIKE '%PaymentRefundRequestedEvent' RETURNING 1", ("now", Now));
        (await SendAsync(new RedriveStrandedRefundsCommand())).ShouldBe(0, "a refund requested moments ago is not stranded yet");
        Clock.Advance(TimeSpan.FromMinutes(20));
        await DeliverOutboxAsync();
        (await PaymentStatusAsync(payment)).ShouldBe("Succeeded");

        (await SendAsync(new RedriveStrandedRefundsCommand())).ShouldBe(1);
        (await SendAsync(new RedriveStrandedRefundsCommand())).ShouldBe(0, "its new request is live");
        await DeliverOutboxAsync();

        (await PaymentStatusAsync(payment)).ShouldBe("Refunded");
        (await SendAsync(new RedriveStrandedRefundsCommand())).ShouldBe(0);
    }

    /// <summary>
    /// A customer's card booking whose event the organizer then cancels, so its card refund is requested; the returned
    /// step delivers what the outbox holds (as the Worker's DispatchOutbox does).
    /// </summary>
    private async Task<(PaymentDto Payment, Func<Task> DeliverOutbox)> CardBookingOfACancelledEventAsync(PaystackHost host, FakePaystack.Fault whileProviderIs)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await host.As(organizer).CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: 10));
        await host.As(organizer).PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        var claim = await host.As(customer).ClaimOkAsync(created.Id, created.TicketTypes[0].Id, 1);
        var payment = await host.PayByCardAsync(customer, claim.Id, TicketPrice);
        (await ScalarAsync<long>("SELECT count(*) FROM bookings WHERE payment_id = @id", ("id", payment.Id))).ShouldBe(1);

        host.Paystack.Faults = whileProviderIs;
        (await host.As(organizer).PostAsync($"/api/events/{created.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.SendAsync(new RefundCancelledEventsCommand())).ShouldBe(1);
        return (payment, async () =>
        {
            while (await host.SendAsync(new DispatchOutboxCommand()) > 0)
            {
            }
        });
    }

    private async Task DeliverOutboxAsync()
    {
        while (await SendAsync(new DispatchOutboxCommand()) > 0)
        {
        }
    }

    private static async Task<MoneyAuditDto> AuditAsync(PaystackHost host)
    {
        await using var scope = host.Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MoneyAudit>().RunAsync(CancellationToken.None);
    }

    private Task<string> PaymentStatusAsync(PaymentDto payment) =>
        ScalarAsync<string>("SELECT status FROM payments WHERE id = @id", ("id", payment.Id));
}
