using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ticketing.Application.Payments;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>
/// The API with Paystack as its card provider, pointed at a <see cref="FakePaystack"/> that tests script (outages,
/// pending refunds), on the suite's database and clock. Worker commands run here too: only this host can reach Paystack.
/// </summary>
public sealed class PaystackHost : IAsyncDisposable
{
    public const string SecretKey = "sk_test_refunds";

    private PaystackHost(FakePaystack paystack, TicketingApiFactory api)
    {
        Paystack = paystack;
        Api = api;
    }

    public FakePaystack Paystack { get; }

    public TicketingApiFactory Api { get; }

    public static async Task<PaystackHost> StartAsync(string connectionString, FakeTimeProvider clock)
    {
        var paystack = await FakePaystack.StartAsync(SecretKey);
        var api = new TicketingApiFactory(connectionString, clock: clock);
        api.Settings["Payments:Provider"] = "paystack";
        api.Settings["Payments:Paystack:SecretKey"] = SecretKey;
        api.Settings["Payments:Paystack:BaseUrl"] = paystack.BaseAddress.ToString().TrimEnd('/');
        return new PaystackHost(paystack, api);
    }

    public HttpClient As(TestUser user)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Tokens.AccessToken);
        return client;
    }

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>A card payment for a claim, started through the API; Paystack then reports the charge as captured.</summary>
    public async Task<PaymentDto> PayByCardAsync(TestUser customer, Guid claimId, long amount)
    {
        var response = await As(customer).PayAsync(claimId, "Card");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var payment = (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        Paystack.Charges[payment.Reference] = new FakePaystack.Charge("success", amount, "USD", 4_099_260_516);
        (await WebhookAsync("charge.success", new { id = 4_099_260_516, reference = payment.Reference, amount, currency = "USD", status = "success" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return payment;
    }

    /// <summary>A refund notice in Paystack's shape: the refund's own id, and the charge it returns as transaction_reference.</summary>
    public Task<HttpResponseMessage> RefundNoticeAsync(string eventName, string reference, long amount, long refundId = 3018284) =>
        WebhookAsync(eventName, new
        {
            id = refundId,
            transaction_reference = reference,
            amount,
            currency = "USD",
            status = eventName == "refund.processed" ? "processed" : "failed",
        });

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Paystack.DisposeAsync();
    }

    private Task<HttpResponseMessage> WebhookAsync(string eventName, object data)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { @event = eventName, data });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/payments/paystack")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add("x-paystack-signature", Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(SecretKey), body)));
        return Api.CreateClient().SendAsync(request);
    }
}
