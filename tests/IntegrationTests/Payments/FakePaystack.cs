using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>
/// api.paystack.co in miniature, over real HTTP on a free local port, so the gateway's headers, JSON and status handling
/// are exercised end to end. Tests script its answers and read back every request it received. The response shapes
/// follow Paystack's documented envelope: <c>{"status": bool, "message": "...", "data": {...}}</c>.
/// </summary>
public sealed class FakePaystack : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Snake = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly string _secretKey;
    private WebApplication _app = null!;

    private FakePaystack(string secretKey) => _secretKey = secretKey;

    public enum RefundBehaviour
    {
        /// <summary>200, refund queued: <c>data.status = "pending"</c>.</summary>
        Pending,

        /// <summary>200, refunded at once: <c>data.status = "processed"</c>.</summary>
        Processed,

        /// <summary>400 with <c>status: false</c>, as for a charge that cannot be refunded.</summary>
        Rejected,
    }

    public enum Fault
    {
        None,

        /// <summary>500 on every endpoint, with a body that quotes the Authorization header.</summary>
        ServerError,

        /// <summary>200 with <c>status: false</c> on every endpoint, with a message that quotes the Authorization header.</summary>
        StatusFalse,

        /// <summary>200 with an HTML body (a captive proxy, say) that quotes the Authorization header.</summary>
        Unparsable,
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What verify reports, by reference; any other reference is unknown to Paystack.</summary>
    public ConcurrentDictionary<string, Charge> Charges { get; } = new();

    public RefundBehaviour Refunds { get; set; } = RefundBehaviour.Pending;

    /// <summary>
    /// Initialize reaches Paystack, which opens the transaction (verify then reports it "abandoned": not completed), but
    /// its answer is lost: the caller sees a 500.
    /// </summary>
    public bool LoseInitializeAnswers { get; set; }

    /// <summary>POST /refund reaches Paystack, which takes the refund (pending), but its answer is lost: the caller sees a 500.</summary>
    public bool LoseRefundAnswers { get; set; }

    /// <summary>Every refund Paystack holds, by its id; POST /refund adds one (or is refused while the charge has one in flight).</summary>
    public ConcurrentDictionary<long, RefundRecord> RefundsById { get; } = new();

    public Fault Faults { get; set; } = Fault.None;

    /// <summary>How verify answers an unknown reference: Paystack's 400 "Transaction reference not found", or a bare 404.</summary>
    public HttpStatusCode UnknownReferenceStatus { get; set; } = HttpStatusCode.BadRequest;

    public IReadOnlyList<Request> Requests => [.. _requests];

    public static string CheckoutUrlFor(string reference) => $"https://checkout.paystack.test/{Uri.EscapeDataString(reference)}";

    public static async Task<FakePaystack> StartAsync(string secretKey)
    {
        var fake = new FakePaystack(secretKey);
        // The empty builder reads no appsettings or environment, so nothing on the machine can move the listening address.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        fake._app = builder.Build();
        fake._app.Urls.Add("http://127.0.0.1:0");
        fake._app.Use(fake.RecordAndGuardAsync);
        fake._app.MapPost("/transaction/initialize", fake.Initialize);
        fake._app.MapGet("/transaction/verify/{reference}", fake.Verify);
        fake._app.MapPost("/refund", fake.Refund);
        fake._app.MapGet("/refund", fake.ListRefunds);
        fake._app.MapGet("/refund/{id:long}", fake.FetchRefund);
        await fake._app.StartAsync();

        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAndGuardAsync(HttpContext context, RequestDelegate next)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var body = await ReadJsonAsync(context.Request);
        _requests.Enqueue(new Request(context.Request.Method, context.Request.Path.Value ?? string.Empty, authorization, body));
        context.Items[nameof(Request)] = body;

        if (authorization != $"Bearer {_secretKey}")
        {
            await Results.Json(new { Status = false, Message = "Invalid key" }, Snake, statusCode: 401).ExecuteAsync(context);
            return;
        }

        switch (Faults)
        {
            case Fault.ServerError:
                await Results.Json(new { Status = false, Message = $"Internal error handling {authorization}" }, Snake, statusCode: 500).ExecuteAsync(context);
                return;
            case Fault.StatusFalse:
                await Results.Json(new { Status = false, Message = $"Declined for {authorization}" }, Snake).ExecuteAsync(context);
                return;
            case Fault.Unparsable:
                await Results.Content($"<html><body>Gateway says hello to {authorization}</body></html>", "text/html").ExecuteAsync(context);
                return;
            default:
                await next(context);
                return;
        }
    }

    private IResult Initialize(HttpContext context)
    {
        var body = Body(context);
        if (LoseInitializeAnswers && body?.TryGetProperty("reference", out var lost) == true && lost.GetString() is { } lostReference)
        {
            Charges[lostReference] = new Charge("abandoned", body.Value.GetProperty("amount").GetInt64(), "USD", 9_000_001);
            return Results.Json(new { Status = false, Message = "Gateway timeout" }, Snake, statusCode: 500);
        }

        // Paystack rejects an amount that is not a whole number of minor units.
        if (body is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Number || !amount.TryGetInt64(out _)
            || !json.TryGetProperty("reference", out var reference) || reference.GetString() is not { } referenceText)
        {
            return Results.Json(new { Status = false, Message = "Invalid Amount Sent" }, Snake, statusCode: 400);
        }

        return Results.Json(
            new
            {
                Status = true,
                Message = "Authorization URL created",
                Data = new { AuthorizationUrl = CheckoutUrlFor(referenceText), AccessCode = $"ac_{Guid.NewGuid():N}", Reference = referenceText },
            },
            Snake);
    }

    private IResult Verify(string reference)
    {
        if (Charges.TryGetValue(reference, out var charge))
        {
            return Results.Json(
                new
                {
                    Status = true,
                    Message = "Verification successful",
                    Data = new { charge.Id, charge.Status, Reference = reference, charge.Amount, charge.Currency, GatewayResponse = "Approved", Channel = "card" },
                },
                Snake);
        }

        return UnknownReferenceStatus == HttpStatusCode.NotFound
            ? Results.Json(new { Status = false, Message = "Not found" }, Snake, statusCode: 404)
            : Results.Json(
                new { Status = false, Message = "Transaction reference not found", Type = "validation_error", Code = "transaction_not_found" },
                Snake,
                statusCode: (int)UnknownReferenceStatus);
    }

    private IResult Refund(HttpContext context)
    {
        if (Refunds == RefundBehaviour.Rejected)
        {
            return Results.Json(new { Status = false, Message = "Transaction cannot be refunded", Type = "validation_error" }, Snake, statusCode: 400);
        }

        var body = Body(context);
        var transaction = body?.GetProperty("transaction").GetString() ?? string.Empty;
        if (RefundsById.Values.Any(r => r.Transaction == transaction && r.Status != "failed"))
        {
            // Paystack refuses a refund of a charge that already has one.
            return Results.Json(new { Status = false, Message = "Transaction has been fully reversed", Type = "validation_error" }, Snake, statusCode: 400);
        }

        var refund = new RefundRecord(
            3018284 + RefundsById.Count,
            transaction,
            Refunds == RefundBehaviour.Processed ? "processed" : "pending",
            body?.GetProperty("amount").GetInt64() ?? 0,
            body?.GetProperty("currency").GetString() ?? string.Empty);
        RefundsById[refund.Id] = refund;
        if (LoseRefundAnswers)
        {
            return Results.Json(new { Status = false, Message = "Gateway timeout" }, Snake, statusCode: 500);
        }

        return Results.Json(new { Status = true, Message = "Refund has been queued for processing", Data = refund }, Snake);
    }

    /// <summary>GET /refund?transaction=…: the refunds of one charge, by its id or reference.</summary>
    private IResult ListRefunds(string? transaction) =>
        Results.Json(
            new { Status = true, Message = "Refunds retrieved", Data = RefundsById.Values.Where(r => r.Transaction == transaction).OrderBy(r => r.Id).ToList() },
            Snake);

    private IResult FetchRefund(long id) =>
        RefundsById.TryGetValue(id, out var refund)
            ? Results.Json(new { Status = true, Message = "Refund retrieved", Data = refund }, Snake)
            : Results.Json(new { Status = false, Message = "Refund not found" }, Snake, statusCode: 404);

    private static JsonElement? Body(HttpContext context) => (JsonElement?)context.Items[nameof(Request)];

    private static async Task<JsonElement?> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What verify reports for one reference. <paramref name="Status"/> is Paystack's: success, failed, abandoned, ongoing…</summary>
    public sealed record Charge(string Status, long Amount, string Currency, long Id);

    /// <summary>One refund as Paystack reports it; <paramref name="Status"/> is pending, processing, processed or failed.</summary>
    public sealed record RefundRecord(long Id, string Transaction, string Status, long Amount, string Currency);

    /// <param name="Body">The JSON body, or null when there was none or it was not JSON.</param>
    public sealed record Request(string Method, string Path, string Authorization, JsonElement? Body);
}
