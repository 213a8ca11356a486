using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Payments.Paystack;

/// <summary>
/// Card payments through Paystack's REST API. Failure messages name the operation and the HTTP status only: the
/// response body and the request headers can carry the secret key or customer data, and exceptions end up in logs.
/// </summary>
public sealed class PaystackGateway(HttpClient http, IOptions<PaystackOptions> options) : IPaymentGateway
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => "paystack";

    public async Task<GatewayCheckout> InitializeAsync(GatewayCharge charge, CancellationToken cancellationToken)
    {
        const string operation = "initialize";
        var callbackUrl = options.Value.CallbackUrl is { Length: > 0 } url ? url : null;
        var request = new InitializeRequest(charge.CustomerEmail, charge.Amount, charge.Reference, charge.Currency, callbackUrl);
        using var response = await SendAsync(operation, HttpMethod.Post, "transaction/initialize", JsonContent.Create(request, options: Json), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failed(operation, response);
        }

        var answer = await ReadAsync<InitializeData>(operation, response, cancellationToken);
        return answer is { Status: true, Data.AuthorizationUrl: { Length: > 0 } checkoutUrl }
            ? new GatewayCheckout(checkoutUrl)
            : throw Refused(operation, response);
    }

    public async Task<GatewayVerification> VerifyAsync(string reference, CancellationToken cancellationToken)
    {
        const string operation = "verify";
        using var response = await SendAsync(
            operation, HttpMethod.Get, $"transaction/verify/{Uri.EscapeDataString(reference)}", content: null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return Unknown;
        }

        var answer = await TryReadAsync<VerifyData>(response, cancellationToken);
        // Paystack answers a reference it does not know with status false, "Transaction reference not found" (code
        // transaction_not_found) on a 4xx: the customer may simply not have reached checkout yet, so that is Pending.
        if (answer is { Status: false } && IsReferenceNotFound(answer))
        {
            return Unknown;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failed(operation, response);
        }

        return answer switch
        {
            null or { Status: true, Data: null } => throw Unreadable(operation, response),
            { Status: false } => throw Refused(operation, response),
            { Data: var data } => new GatewayVerification(
                ChargeStatus(data.Status),
                data.Amount,
                data.Currency ?? string.Empty,
                data.Id?.ToString(CultureInfo.InvariantCulture)),
        };
    }

    public async Task<GatewayRefund> RefundAsync(string reference, long amount, string currency, CancellationToken cancellationToken)
    {
        const string operation = "refund";
        var request = new RefundRequest(reference, amount, currency);
        using var response = await SendAsync(operation, HttpMethod.Post, "refund", JsonContent.Create(request, options: Json), cancellationToken);
        if (IsTransient(response.StatusCode))
        {
            throw Failed(operation, response);
        }

        // Any other 4xx ("cannot be refunded", "already reversed", an unsupported channel or currency…) is final for this
        // charge: NotSupported makes the caller credit the customer's wallet, so the money still lands somewhere accountable.
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            return new GatewayRefund(GatewayRefundOutcome.NotSupported);
        }

        var answer = await ReadAsync<RefundData>(operation, response, cancellationToken);
        var refundId = answer.Data?.Id?.ToString(CultureInfo.InvariantCulture);
        return answer switch
        {
            { Status: false } => throw Refused(operation, response),
            { Data.Status: var status } when string.Equals(status, "processed", StringComparison.OrdinalIgnoreCase) => new GatewayRefund(GatewayRefundOutcome.Completed, refundId),
            // pending, processing, queued…: Paystack confirms later with a refund.processed (or refund.failed) webhook.
            _ => new GatewayRefund(GatewayRefundOutcome.Accepted, refundId),
        };
    }

    public async Task<IReadOnlyList<GatewayRefundState>> FindRefundsAsync(string reference, CancellationToken cancellationToken)
    {
        const string operation = "list refunds";
        using var response = await SendAsync(
            operation, HttpMethod.Get, $"refund?transaction={Uri.EscapeDataString(reference)}", content: null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failed(operation, response);
        }

        var answer = await ReadAsync<List<RefundData>>(operation, response, cancellationToken);
        return answer is { Status: true, Data: { } refunds }
            ? [.. refunds.Where(r => r.Id is not null).Select(r => new GatewayRefundState(r.Id!.Value.ToString(CultureInfo.InvariantCulture), RefundStatus(r.Status)))]
            : throw Refused(operation, response);
    }

    public async Task<GatewayRefundState?> GetRefundAsync(string refundId, CancellationToken cancellationToken)
    {
        const string operation = "fetch refund";
        using var response = await SendAsync(operation, HttpMethod.Get, $"refund/{Uri.EscapeDataString(refundId)}", content: null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failed(operation, response);
        }

        var answer = await ReadAsync<RefundData>(operation, response, cancellationToken);
        return answer is { Status: true, Data: { } refund }
            ? new GatewayRefundState(refundId, RefundStatus(refund.Status))
            : throw Refused(operation, response);
    }

    public PaymentNotice? ReadNotice(GatewayWebhook webhook) => PaystackNotice.Read(webhook, options.Value.SecretKey);

    private static GatewayVerification Unknown => new(GatewayChargeStatus.Pending, 0, string.Empty, null);

    private async Task<HttpResponseMessage> SendAsync(
        string operation, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.SecretKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new PaymentGatewayException($"Paystack {operation} failed: the API could not be reached.", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"Paystack {operation} timed out.", exception);
        }

        if ((int)response.StatusCode >= 500)
        {
            var failure = Failed(operation, response);
            response.Dispose();
            throw failure;
        }

        return response;
    }

    private static async Task<Answer<T>> ReadAsync<T>(string operation, HttpResponseMessage response, CancellationToken cancellationToken) =>
        await TryReadAsync<T>(response, cancellationToken) ?? throw Unreadable(operation, response);

    /// <summary>Null when the body is not Paystack's JSON envelope; the parser's message is dropped because it can quote the body.</summary>
    private static async Task<Answer<T>?> TryReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Answer<T>>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsReferenceNotFound<T>(Answer<T> answer) =>
        string.Equals(answer.Code, "transaction_not_found", StringComparison.OrdinalIgnoreCase)
        || string.Equals(answer.Message, "Transaction reference not found", StringComparison.OrdinalIgnoreCase);

    /// <summary>A wrong key, a forbidden call or throttling says nothing about the charge: retry rather than divert the refund.</summary>
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static GatewayChargeStatus ChargeStatus(string? status) => status?.ToLowerInvariant() switch
    {
        "success" => GatewayChargeStatus.Succeeded,
        "failed" or "reversed" => GatewayChargeStatus.Failed,
        "abandoned" => GatewayChargeStatus.Abandoned,
        _ => GatewayChargeStatus.Pending,
    };

    private static GatewayRefundStatus RefundStatus(string? status) => status?.ToLowerInvariant() switch
    {
        "processed" => GatewayRefundStatus.Processed,
        "failed" => GatewayRefundStatus.Failed,
        _ => GatewayRefundStatus.Pending,
    };

    private static PaymentGatewayException Failed(string operation, HttpResponseMessage response) =>
        new($"Paystack {operation} failed with HTTP {(int)response.StatusCode}.");

    private static PaymentGatewayException Refused(string operation, HttpResponseMessage response) =>
        new($"Paystack {operation} was refused (HTTP {(int)response.StatusCode}).");

    private static PaymentGatewayException Unreadable(string operation, HttpResponseMessage response) =>
        new($"Paystack {operation} returned an unreadable answer (HTTP {(int)response.StatusCode}).");

    private sealed record InitializeRequest(string Email, long Amount, string Reference, string Currency, string? CallbackUrl);

    private sealed record RefundRequest(string Transaction, long Amount, string Currency);

    /// <summary>Every Paystack answer: <c>{"status": bool, "message": "...", "data": {...}}</c>; errors may add a <c>code</c>.</summary>
    private sealed record Answer<T>(bool Status, string? Message, string? Code, T? Data);

    private sealed record InitializeData(string? AuthorizationUrl);

    private sealed record VerifyData(string? Status, long Amount, string? Currency, long? Id);

    private sealed record RefundData(string? Status, long? Id);
}
