using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Claims.Commands.ExpireClaims;
using Ticketing.Application.Payments;
using Ticketing.Application.Payments.Commands.VerifyPendingPayments;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>
/// A customer still at the checkout, or whose checkout never started, keeps the claim (ADR 0013): the provider's
/// "abandoned" means "not completed yet" while the claim lives, and only a capture settles an unstarted checkout.
/// </summary>
public sealed class CheckoutVerificationTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const long TicketPrice = 2550;

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task The_verification_sweep_leaves_alone_a_customer_still_at_the_checkout_of_a_long_claim()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (customer, claimId) = await ClaimAsync(host, claimTtlMinutes: 30);
        var payment = await PayAsync(host, customer, claimId);
        host.Paystack.Charges[payment.Reference] = new FakePaystack.Charge("abandoned", TicketPrice, "USD", 7_101);

        // Past the 20 minutes after which a pending payment is asked about, but inside the claim's 30.
        Clock.Advance(TimeSpan.FromMinutes(25));
        (await host.SendAsync(new VerifyPendingPaymentsCommand())).ShouldBe(0);

        (await PaymentStatusAsync(payment)).ShouldBe("Pending");
        (await ClaimStatusAsync(claimId)).ShouldBe("Pending");
        host.Paystack.Charges[payment.Reference] = new FakePaystack.Charge("success", TicketPrice, "USD", 7_101);
        Clock.Advance(TimeSpan.FromMinutes(4));
        (await host.SendAsync(new ExpireClaimsCommand())).ShouldBe(0);
        (await host.SendAsync(new VerifyPendingPaymentsCommand())).ShouldBe(0);
        (await PaymentStatusAsync(payment)).ShouldBe("Pending");

        // Past the claim's end and the card grace the provider's word is final.
        Clock.Advance(TimeSpan.FromMinutes(7));
        (await host.SendAsync(new VerifyPendingPaymentsCommand())).ShouldBe(1);
        (await PaymentStatusAsync(payment)).ShouldBe("Succeeded");
        (await ScalarAsync<long>("SELECT count(*) FROM bookings WHERE payment_id = @id", ("id", payment.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_checkout_start_whose_answer_was_lost_keeps_the_claim_for_another_try()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var (customer, claimId) = await ClaimAsync(host, claimTtlMinutes: 10);
        host.Paystack.LoseInitializeAnswers = true;

        (await host.As(customer).PayAsync(claimId, "Card")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        (await ClaimStatusAsync(claimId)).ShouldBe("Pending");
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(1);
        host.Paystack.LoseInitializeAnswers = false;
        var retry = await PayAsync(host, customer, claimId);
        retry.CheckoutUrl.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_verification_sweep_reaches_every_payment_past_flagged_ones_and_charges_still_under_way()
    {
        await using var host = await PaystackHost.StartAsync(Fixture.ConnectionString, Clock);
        var flagged = await ReleasedCardPaymentAsync(host);
        host.Paystack.Charges[flagged.Reference] = new FakePaystack.Charge("success", 1, "USD", 7_201);
        (await host.SendAsync(new VerifyPendingPaymentsCommand())).ShouldBe(1);
        (await ScalarAsync<string>("SELECT coalesce(flagged_reason, '') FROM payments WHERE id = @id", ("id", flagged.Id))).ShouldNotBeEmpty();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var stuck = await ReleasedCardPaymentAsync(host);
        var paid = await ReleasedCardPaymentAsync(host);
        host.Paystack.Charges[stuck.Reference] = new FakePaystack.Charge("ongoing", TicketPrice, "USD", 7_202);
        host.Paystack.Charges[paid.Reference] = new FakePaystack.Charge("success", TicketPrice, "USD", 7_203);

        // One at a time, as a sweep would reach them behind a full batch of older ones.
        for (var run = 0; run < 3; run++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await host.SendAsync(new VerifyPendingPaymentsCommand(BatchSize: 1));
        }

        (await PaymentStatusAsync(paid)).ShouldBe("Succeeded");
        (await PaymentStatusAsync(stuck)).ShouldBe("Pending");
        host.Paystack.Requests.Count(r => r.Path == $"/transaction/verify/{flagged.Reference}").ShouldBe(2, "asked when its claim ended, and by the sweep once");
    }

    /// <summary>A card payment whose customer released the claim before the webhook came: the sweep's to settle.</summary>
    private async Task<PaymentDto> ReleasedCardPaymentAsync(PaystackHost host)
    {
        var (customer, claimId) = await ClaimAsync(host, claimTtlMinutes: 10);
        var payment = await PayAsync(host, customer, claimId);
        (await host.As(customer).DeleteAsync($"/api/claims/{claimId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return payment;
    }

    private async Task<(TestUser Customer, Guid ClaimId)> ClaimAsync(PaystackHost host, int claimTtlMinutes)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await host.As(organizer).CreateEventAsync(new
        {
            title = "Long checkout",
            startsAt = Now.AddDays(2),
            endsAt = Now.AddDays(2).AddHours(3),
            saleStartsAt = Now.AddHours(-1),
            currency = "USD",
            claimTtlMinutes,
            ticketTypes = new[] { new { name = "General", price = TicketPrice / 100m, capacity = 10 } },
        });
        await host.As(organizer).PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        var claim = await host.As(customer).ClaimOkAsync(created.Id, created.TicketTypes[0].Id, 1);
        return (customer, claim.Id);
    }

    private static async Task<PaymentDto> PayAsync(PaystackHost host, TestUser customer, Guid claimId)
    {
        var response = await host.As(customer).PayAsync(claimId, "Card");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
    }

    private Task<string> PaymentStatusAsync(PaymentDto payment) =>
        ScalarAsync<string>("SELECT status FROM payments WHERE id = @id", ("id", payment.Id));

    private Task<string> ClaimStatusAsync(Guid claimId) =>
        ScalarAsync<string>("SELECT status FROM claims WHERE id = @id", ("id", claimId));
}
