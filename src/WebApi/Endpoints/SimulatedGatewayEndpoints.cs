using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MediatR;
using Ticketing.Application.Payments.Queries.GetCheckout;
using Ticketing.Infrastructure.Payments;
using Ticketing.Infrastructure.Payments.Paystack;

namespace Ticketing.WebApi.Endpoints;

/// <summary>
/// The simulated provider's checkout page (Development only, left out of the API document): Pay or Decline records the
/// outcome and sends the signed webhook a real provider would, to this API's own webhook endpoint, so the whole path is exercised.
/// </summary>
public static class SimulatedGatewayEndpoints
{
    public const string HttpClientName = "simulated-gateway";

    public static void MapSimulatedGateway(this WebApplication app)
    {
        var checkout = app.MapGroup("/simulated-gateway/checkout/{reference}").ExcludeFromDescription();
        checkout.MapGet(string.Empty, ShowCheckout);
        checkout.MapPost("pay", (string reference, HttpRequest request, IMediator mediator, SimulatedGateway gateway, IHttpClientFactory clients, CancellationToken ct) =>
            SendAsync(reference, "charge.success", "success", request, mediator, gateway, clients, ct));
        checkout.MapPost("decline", (string reference, HttpRequest request, IMediator mediator, SimulatedGateway gateway, IHttpClientFactory clients, CancellationToken ct) =>
            SendAsync(reference, "charge.failed", "failed", request, mediator, gateway, clients, ct));
    }

    private static async Task<IResult> ShowCheckout(string reference, IMediator mediator, CancellationToken cancellationToken)
    {
        var checkout = await mediator.Send(new GetCheckoutQuery(reference), cancellationToken);
        var encoded = WebUtility.HtmlEncode(checkout.Reference);
        return Results.Content($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Simulated checkout</title>
            <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto}button{font-size:1.1rem;padding:.6rem 1.4rem;margin-right:1rem}</style>
            </head><body>
            <h1>Simulated checkout</h1>
            <p>Development only: no money moves. Charge <strong>{{WebUtility.HtmlEncode(checkout.Display)}}</strong> for payment <code>{{encoded}}</code> ({{checkout.Status}}).</p>
            <form method="post" action="/simulated-gateway/checkout/{{encoded}}/pay" style="display:inline"><button>Pay</button></form>
            <form method="post" action="/simulated-gateway/checkout/{{encoded}}/decline" style="display:inline"><button>Decline</button></form>
            </body></html>
            """, "text/html", Encoding.UTF8);
    }

    private static async Task<IResult> SendAsync(
        string reference, string eventName, string status, HttpRequest request, IMediator mediator, SimulatedGateway gateway, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var checkout = await mediator.Send(new GetCheckoutQuery(reference), cancellationToken);
        var transactionId = Random.Shared.NextInt64(1, long.MaxValue);
        await gateway.RecordAsync(checkout.Reference, status == "success", checkout.Amount, checkout.Currency, transactionId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            @event = eventName,
            data = new { id = transactionId, reference = checkout.Reference, amount = checkout.Amount, currency = checkout.Currency, status },
        });
        using var webhook = new HttpRequestMessage(HttpMethod.Post, new Uri($"{request.Scheme}://{request.Host}/api/webhooks/payments/{SimulatedGateway.ProviderName}"))
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        webhook.Headers.Add(PaystackSignature.HeaderName, PaystackSignature.Compute(gateway.SecretKey, body));
        var response = await clients.CreateClient(HttpClientName).SendAsync(webhook, cancellationToken);

        var outcome = response.IsSuccessStatusCode ? "The shop received the payment notice." : $"The shop answered {(int)response.StatusCode}.";
        return Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Simulated checkout</title></head><body><h1>{(status == "success" ? "Paid" : "Declined")}</h1><p>{WebUtility.HtmlEncode(outcome)} You can close this page.</p></body></html>",
            "text/html",
            Encoding.UTF8);
    }
}
