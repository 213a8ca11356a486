using System.Text.Json;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Payments.Paystack;

/// <summary>
/// Reads a webhook in Paystack's format: signed in <see cref="PaystackSignature.HeaderName"/>, with the body
/// {"event", "data": {"id", "reference", "amount", "currency", "status"}}. The signature is checked before a byte of
/// the body is believed.
/// </summary>
public static class PaystackNotice
{
    /// <summary>Null when the webhook is not signed with <paramref name="secretKey"/>.</summary>
    public static PaymentNotice? Read(GatewayWebhook webhook, string secretKey)
    {
        webhook.Headers.TryGetValue(PaystackSignature.HeaderName, out var signature);
        return PaystackSignature.IsValid(secretKey, webhook.Body, signature) ? Bounded(Parse(webhook.Body)) : null;
    }

    private static PaymentNotice Parse(byte[] body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            var data = root.GetProperty("data");
            var eventName = root.GetProperty("event").GetString() ?? string.Empty;
            return new PaymentNotice(
                Kind(eventName),
                eventName,
                data.GetProperty("id").ValueKind == JsonValueKind.Number ? data.GetProperty("id").GetRawText() : data.GetProperty("id").GetString() ?? string.Empty,
                data.TryGetProperty("reference", out var reference) || data.TryGetProperty("transaction_reference", out reference) ? reference.GetString() : null,
                data.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number ? amount.GetInt64() : 0,
                data.TryGetProperty("currency", out var currency) ? currency.GetString() ?? string.Empty : string.Empty,
                data.TryGetProperty("status", out var status) ? status.GetString() : null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ValidationException("body", "The webhook body is not a payment notice: {\"event\", \"data\": {\"id\", \"reference\", \"amount\", \"currency\", \"status\"}}.");
        }
    }

    private static PaymentNoticeKind Kind(string eventName) => eventName switch
    {
        "charge.success" => PaymentNoticeKind.Captured,
        "charge.failed" => PaymentNoticeKind.ChargeFailed,
        "refund.processed" => PaymentNoticeKind.Refunded,
        "refund.failed" => PaymentNoticeKind.RefundFailed,
        _ => PaymentNoticeKind.Other,
    };

    /// <summary>Paystack sends no longer values than the inbox stores (event 60, id and reference 100 characters).</summary>
    private static PaymentNotice Bounded(PaymentNotice notice)
    {
        var tooLong = notice.Event.Length > 60 ? "event" : notice.ProviderId.Length > 100 ? "data.id" : notice.Reference?.Length > 100 ? "data.reference" : null;
        return tooLong is null ? notice : throw new ValidationException(tooLong, "The value is longer than any payment provider sends.");
    }
}
