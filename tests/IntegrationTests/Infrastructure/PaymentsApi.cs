using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>Paying as a customer's app does, and notifying as the simulated gateway does.</summary>
public static class PaymentsApi
{
    public const string SimulatedSecret = "sim_test_secret";

    public static Task<HttpResponseMessage> PayAsync(this HttpClient customer, Guid claimId, string method, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/claims/{claimId}/payments") { Content = JsonContent.Create(new { method }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return customer.SendAsync(request);
    }

    /// <summary>A webhook as the provider sends it: Paystack's body, signed with the simulated secret unless told otherwise.</summary>
    public static Task<HttpResponseMessage> SendWebhookAsync(
        this HttpClient client, string eventName, string reference, long amount, string currency = "USD", long? id = null, string? signatureSecret = SimulatedSecret)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            @event = eventName,
            data = new { id = id ?? Random.Shared.NextInt64(1, long.MaxValue), reference, amount, currency, status = eventName == "charge.success" ? "success" : "failed" },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/payments/simulated")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (signatureSecret is not null)
        {
            request.Headers.Add("x-paystack-signature", Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(signatureSecret), body)));
        }

        return client.SendAsync(request);
    }

    /// <summary>Test arrangement: money in a customer's wallet, moved through the real ledger.</summary>
    public static async Task FundWalletAsync(this TicketingApiFactory factory, Guid customerId, long minorUnits, string currency = "USD")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<IWalletLedger>();
        var wallet = await ledger.WalletOfAsync(customerId, currency, CancellationToken.None);
        await ledger.CreditAsync(wallet, minorUnits, "Test funding", $"test:{Guid.NewGuid()}", CancellationToken.None);
    }
}
