using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Claims.Commands.ExpireClaims;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.Application.Payments;
using Ticketing.Application.Payments.Commands.VerifyPendingPayments;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Infrastructure.Payments;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>
/// Captures that come late, twice, or never by webhook (ADR 0013): a late capture obeys every rule a new claim obeys,
/// and every captured unit of money ends as a booking, a wallet credit or a refund.
/// </summary>
public sealed class LateCaptureTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string PaystackSecret = "sk_test_late_captures_7d1e4b9a2c6f0e3d5a8b";
    private const long TicketPrice = 1_000;

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_late_capture_on_a_released_claim_cannot_take_the_customer_past_the_limit()
    {
        var eventId = await OnSaleAsync(GeneralAdmission(maxTicketsPerCustomer: 4));
        var ticketTypeId = (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Id;
        var customer = await CreateUserAsync();
        var first = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 4);
        var oldCheckout = await CardPaymentAsync(customer.Client, first.Id);
        (await customer.Client.DeleteAsync($"/api/claims/{first.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var second = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 4);
        var paid = await CardPaymentAsync(customer.Client, second.Id);
        (await Anonymous().SendWebhookAsync("charge.success", paid.Reference, 4 * TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Anonymous().SendWebhookAsync("charge.success", oldCheckout.Reference, 4 * TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchAllAsync(Factory);

        (await ValidTicketsOfAsync(customer.Id)).ShouldBe(4);
        (await StatusOfAsync(oldCheckout.Id)).ShouldBe("Refunded");
        (await StatusOfAsync(paid.Id)).ShouldBe("Succeeded");
        (await ScalarAsync<int>("SELECT sold + held FROM ticket_types")).ShouldBe(4);
    }

    [Fact]
    public async Task A_late_capture_under_a_queue_is_booked_inside_the_admission_window_and_refunded_after_it()
    {
        var eventId = await OnSaleAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), capacity: 20));
        var ticketTypeId = (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Id;
        var inTime = await CreateUserAsync();
        var tooLate = await CreateUserAsync();
        var inTimePayment = await ReleasedCheckoutUnderQueueAsync(inTime, eventId, ticketTypeId);
        var tooLatePayment = await ReleasedCheckoutUnderQueueAsync(tooLate, eventId, ticketTypeId);

        (await Anonymous().SendWebhookAsync("charge.success", inTimePayment.Reference, 2 * 5_000)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromMinutes(11));
        (await Anonymous().SendWebhookAsync("charge.success", tooLatePayment.Reference, 2 * 5_000)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchAllAsync(Factory);

        (await ValidTicketsOfAsync(inTime.Id)).ShouldBe(2);
        (await StatusOfAsync(inTimePayment.Id)).ShouldBe("Succeeded");

        // Past its admission window the stock belongs to the people still in line.
        (await ValidTicketsOfAsync(tooLate.Id)).ShouldBe(0);
        (await StatusOfAsync(tooLatePayment.Id)).ShouldBe("Refunded");
    }

    [Fact]
    public async Task A_late_success_of_a_failed_payment_is_refunded_while_the_claims_next_payment_goes_on()
    {
        await using var paystack = await FakePaystack.StartAsync(PaystackSecret);
        await using var api = PaystackApi(paystack);
        var eventId = await OnSaleAsync(GeneralAdmission());
        var ticketTypeId = (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Id;
        var customer = await CreateUserAsync();
        var app = As(api, customer);
        var claim = await app.ClaimOkAsync(eventId, ticketTypeId, 2);
        paystack.Faults = FakePaystack.Fault.ServerError;
        (await app.PayAsync(claim.Id, "Card")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var failed = await ScalarAsync<Guid>("SELECT id FROM payments WHERE status = 'Failed'");
        var failedReference = await ScalarAsync<string>("SELECT reference FROM payments WHERE id = @id", ("id", failed));
        paystack.Faults = FakePaystack.Fault.None;
        var next = await CardPaymentAsync(app, claim.Id);

        // Paystack charged the first attempt after all.
        (await PaystackWebhookAsync(api, "charge.success", failedReference, 2 * TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        paystack.Refunds = FakePaystack.RefundBehaviour.Processed;
        await DispatchAllAsync(api);

        (await StatusOfAsync(failed)).ShouldBe("Refunded");
        (await StatusOfAsync(next.Id)).ShouldBe("Pending");
        (await PaystackWebhookAsync(api, "charge.success", next.Reference, 2 * TicketPrice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusOfAsync(next.Id)).ShouldBe("Succeeded");
        (await ValidTicketsOfAsync(customer.Id)).ShouldBe(2);
        paystack.Requests.Count(r => r.Path == "/refund").ShouldBe(1);
    }

    [Fact]
    public async Task Expiry_asks_the_gateway_and_books_a_capture_whose_webhook_never_came()
    {
        await using var paystack = await FakePaystack.StartAsync(PaystackSecret);
        await using var api = PaystackApi(paystack);
        var eventId = await OnSaleAsync(GeneralAdmission());
        var ticketTypeId = (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Id;
        var customer = await CreateUserAsync();
        var claim = await As(api, customer).ClaimOkAsync(eventId, ticketTypeId, 3);
        var payment = await CardPaymentAsync(As(api, customer), claim.Id);
        paystack.Charges[payment.Reference] = new FakePaystack.Charge("success", 3 * TicketPrice, "USD", 7_001);

        Clock.Advance(TimeSpan.FromMinutes(16));
        (await SendAsync(api, new ExpireClaimsCommand())).ShouldBe(1);

        (await StatusOfAsync(payment.Id)).ShouldBe("Succeeded");
        (await ValidTicketsOfAsync(customer.Id)).ShouldBe(3);
        (await ScalarAsync<string>("SELECT status FROM claims")).ShouldBe("Confirmed");
        (await ScalarAsync<int>("SELECT sold FROM ticket_types")).ShouldBe(3);
    }

    [Fact]
    public async Task A_gateway_outage_at_expiry_leaves_the_payment_pending_and_the_sweep_settles_it_later()
    {
        await using var paystack = await FakePaystack.StartAsync(PaystackSecret);
        await using var api = PaystackApi(paystack);
        var eventId = await OnSaleAsync(GeneralAdmission(capacity: 3));
        var ticketTypeId = (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Id;
        var customer = await CreateUserAsync();
        var claim = await As(api, customer).ClaimOkAsync(eventId, ticketTypeId, 3);
        var payment = await CardPaymentAsync(As(api, customer), claim.Id);
        paystack.Faults = FakePaystack.Fault.ServerError;

        Clock.Advance(TimeSpan.FromMinutes(16));
        (await SendAsync(api, new ExpireClaimsCommand())).ShouldBe(1);

        (await StatusOfAsync(payment.Id)).ShouldBe("Pending");
        (await ScalarAsync<string>("SELECT status FROM claims")).ShouldBe("Expired");
        (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Available.ShouldBe(3);

        // The provider is back and says the customer paid; meanwhile someone else bought the stock.
        paystack.Faults = FakePaystack.Fault.None;
        paystack.Charges[payment.Reference] = new FakePaystack.Charge("success", 3 * TicketPrice, "USD", 7_002);
        var quicker = await CreateUserAsync();
        await Factory.FundWalletAsync(quicker.Id, 10_000);
        var quickerClaim = await quicker.Client.ClaimOkAsync(eventId, ticketTypeId, 3);
        (await quicker.Client.PayAsync(quickerClaim.Id, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);
        paystack.Refunds = FakePaystack.RefundBehaviour.Processed;

        (await SendAsync(api, new VerifyPendingPaymentsCommand())).ShouldBe(1);
        await DispatchAllAsync(api);

        (await StatusOfAsync(payment.Id)).ShouldBe("Refunded");
        (await ValidTicketsOfAsync(customer.Id)).ShouldBe(0);
        (await ScalarAsync<int>("SELECT sold FROM ticket_types")).ShouldBe(3);
    }

    [Fact]
    public async Task The_verification_sweep_books_an_old_pending_payment_the_gateway_says_succeeded()
    {
        await using var paystack = await FakePaystack.StartAsync(PaystackSecret);
        await using var api = PaystackApi(paystack);
        var eventId = await OnSaleAsync(GeneralAdmission());
        var ticketTypeId = (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Id;
        var customer = await CreateUserAsync();
        var paidClaim = await As(api, customer).ClaimOkAsync(eventId, ticketTypeId, 1);
        var paid = await CardPaymentAsync(As(api, customer), paidClaim.Id);
        var stillPaying = await CreateUserAsync();
        var openClaim = await As(api, stillPaying).ClaimOkAsync(eventId, ticketTypeId, 1);
        var open = await CardPaymentAsync(As(api, stillPaying), openClaim.Id);
        paystack.Charges[paid.Reference] = new FakePaystack.Charge("success", TicketPrice, "USD", 7_003);
        paystack.Charges[open.Reference] = new FakePaystack.Charge("ongoing", TicketPrice, "USD", 7_004);

        // Too young to ask about: the webhook normally comes within seconds.
        (await SendAsync(api, new VerifyPendingPaymentsCommand())).ShouldBe(0);
        Clock.Advance(TimeSpan.FromMinutes(21));
        (await SendAsync(api, new VerifyPendingPaymentsCommand())).ShouldBe(2);

        (await StatusOfAsync(paid.Id)).ShouldBe("Succeeded");
        (await ValidTicketsOfAsync(customer.Id)).ShouldBe(1);
        (await StatusOfAsync(open.Id)).ShouldBe("Pending");
        paystack.Requests.Count(r => r.Path.StartsWith("/transaction/verify/", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task The_simulated_provider_remembers_what_its_checkout_page_did()
    {
        var eventId = await OnSaleAsync(GeneralAdmission());
        var ticketTypeId = (await Anonymous().GetEventAsync(eventId)).TicketTypes[0].Id;
        var customer = await CreateUserAsync();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var payment = await CardPaymentAsync(customer.Client, claim.Id);
        await using var scope = Factory.Services.CreateAsyncScope();
        var gateway = scope.ServiceProvider.GetRequiredService<SimulatedGateway>();
        (await gateway.VerifyAsync(payment.Reference, CancellationToken.None)).Status.ShouldBe(GatewayChargeStatus.Abandoned);

        (await Anonymous().PostAsync($"/simulated-gateway/checkout/{payment.Reference}/pay", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var verification = await gateway.VerifyAsync(payment.Reference, CancellationToken.None);
        verification.Status.ShouldBe(GatewayChargeStatus.Succeeded);
        verification.Amount.ShouldBe(TicketPrice);
        verification.Currency.ShouldBe("USD");
    }

    private async Task<PaymentDto> ReleasedCheckoutUnderQueueAsync(TestUser customer, Guid eventId, Guid ticketTypeId)
    {
        await customer.Client.JoinQueueAsync(eventId);
        await SendAsync(new AdmitFromQueueCommand());
        var admission = (await customer.Client.PollQueueAsync(eventId)).Admission.ShouldNotBeNull();
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 2, admission.Token);
        var payment = await CardPaymentAsync(customer.Client, claim.Id);
        (await customer.Client.DeleteAsync($"/api/claims/{claim.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return payment;
    }

    private TicketingApiFactory PaystackApi(FakePaystack paystack)
    {
        var api = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock);
        api.Settings["Payments:Provider"] = "paystack";
        api.Settings["Payments:Paystack:SecretKey"] = PaystackSecret;
        api.Settings["Payments:Paystack:BaseUrl"] = paystack.BaseAddress.ToString();
        return api;
    }

    private static HttpClient As(TicketingApiFactory api, TestUser user)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Tokens.AccessToken);
        return client;
    }

    private static Task<HttpResponseMessage> PaystackWebhookAsync(TicketingApiFactory api, string eventName, string reference, long amount)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            @event = eventName,
            data = new { id = Random.Shared.NextInt64(1, long.MaxValue), reference, amount, currency = "USD", status = "success" },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/payments/paystack")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add("x-paystack-signature", Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(PaystackSecret), body)));
        return api.CreateClient().SendAsync(request);
    }

    private static async Task<T> SendAsync<T>(TicketingApiFactory api, IRequest<T> request)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private static async Task DispatchAllAsync(TicketingApiFactory api)
    {
        while (await SendAsync(api, new DispatchOutboxCommand()) > 0)
        {
        }
    }

    private static async Task<PaymentDto> CardPaymentAsync(HttpClient customer, Guid claimId)
    {
        var response = await customer.PayAsync(claimId, "Card");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
    }

    private Task<string> StatusOfAsync(Guid paymentId) => ScalarAsync<string>("SELECT status FROM payments WHERE id = @id", ("id", paymentId));

    private Task<long> ValidTicketsOfAsync(Guid customerId) => ScalarAsync<long>(
        "SELECT count(*) FROM tickets t JOIN bookings b ON b.id = t.booking_id WHERE b.customer_id = @id AND t.status <> 'Void'", ("id", customerId));

    private object GeneralAdmission(int capacity = 20, int maxTicketsPerCustomer = 10) => new
    {
        title = "Late captures",
        startsAt = Now.AddDays(2),
        endsAt = Now.AddDays(2).AddHours(3),
        saleStartsAt = Now.AddHours(-1),
        currency = "USD",
        ticketTypes = new[] { new { name = "General", price = TicketPrice / 100m, capacity } },
        maxTicketsPerCustomer,
    };

    private async Task<Guid> OnSaleAsync(object definition)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(definition);
        await organizer.Client.PublishAsync(created.Id);
        return created.Id;
    }
}
