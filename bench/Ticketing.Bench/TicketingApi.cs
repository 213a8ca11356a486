using System.Text.Json;
using Ticketing.Application.Claims;
using Ticketing.Application.Events;
using Ticketing.Application.Events.Queries.GetEventStats;
using Ticketing.Application.Payments;
using Ticketing.Application.Queue;
using Ticketing.Domain.Common;
using Ticketing.Infrastructure.Payments.Paystack;

namespace Ticketing.Bench;

/// <summary>The calls a web or mobile client makes, plus the payment provider's signed webhook (through <paramref name="webhooks"/> when given).</summary>
public sealed class TicketingApi(ApiClient client, string webhookSecret, ApiClient? webhooks = null)
{
    public const string Currency = "USD";

    public TicketingApi CountingInto(Metrics metrics) => new(client.CountingInto(metrics), webhookSecret, webhooks?.CountingInto(metrics));

    public async Task<EventDto> CreateOnSaleEventAsync(string organizerToken, int tickets, decimal price, QueueSettings? queue, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var created = await client.PostAsync<EventDto>("event.create", "/api/events", organizerToken, new
        {
            title = $"Bench on-sale {now:yyyy-MM-dd HH:mm:ss}",
            description = "Created by bench/run.sh.",
            startsAt = now.AddDays(3),
            endsAt = now.AddDays(3).AddHours(3),
            saleStartsAt = now.AddMinutes(-1),
            currency = Currency,
            ticketTypes = new[] { new { name = "General", price, capacity = tickets } },
            queue = queue is null ? null : new { enabled = true, admissionsPerMinute = queue.AdmissionsPerMinute, admissionWindowMinutes = queue.WindowMinutes },
            claimTtlMinutes = 1,
            maxTicketsPerCustomer = 4,
        }, cancellationToken);
        var @event = Expect(created, "create the event");
        Expect(await client.PostAsync<EventDto>("event.publish", $"/api/events/{@event.Id}/publish", organizerToken, null, cancellationToken), "publish the event");
        return @event;
    }

    public Task<Answer<JsonElement>> HealthLiveAsync(CancellationToken cancellationToken) =>
        client.GetAsync<JsonElement>("health.live", "/health/live", token: null, cancellationToken);

    public Task<Answer<EventDto>> ReadEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        client.GetAsync<EventDto>("event.read", $"/api/events/{eventId}", token: null, cancellationToken);

    public Task<Answer<QueueEntryDto>> JoinQueueAsync(string token, Guid eventId, CancellationToken cancellationToken, bool listening = false) =>
        client.PostAsync<QueueEntryDto>("queue.join", $"/api/events/{eventId}/queue" + (listening ? "?listening=true" : string.Empty), token, null, cancellationToken);

    /// <param name="listening">The client holds a live connection, so the server tells it to poll less often.</param>
    public Task<Answer<QueueEntryDto>> PollQueueAsync(string token, Guid eventId, CancellationToken cancellationToken, bool listening = false) =>
        client.GetAsync<QueueEntryDto>("queue.poll", $"/api/events/{eventId}/queue/me" + (listening ? "?listening=true" : string.Empty), token, cancellationToken);

    /// <param name="admissionExpiresAt">Not sent once the admission has lapsed in the runner's queue.</param>
    public Task<Answer<JsonElement>> LeaveQueueAsync(string token, Guid eventId, CancellationToken cancellationToken, DateTimeOffset? admissionExpiresAt = null) =>
        client.DeleteAsync("queue.leave", $"/api/events/{eventId}/queue/me", token, cancellationToken, admissionExpiresAt);

    /// <param name="admissionExpiresAt">Not sent once the admission has lapsed in the runner's queue.</param>
    public Task<Answer<ClaimDto>> ClaimAsync(
        string token, Guid eventId, Guid ticketTypeId, int quantity, string? admissionToken, CancellationToken cancellationToken, DateTimeOffset? admissionExpiresAt = null) =>
        client.PostAsync<ClaimDto>("claim", $"/api/events/{eventId}/claims", token, new { ticketTypeId, quantity, admissionToken }, cancellationToken, notAfter: admissionExpiresAt);

    public Task<Answer<PaymentDto>> PayAsync(string token, Guid claimId, string method, CancellationToken cancellationToken) =>
        client.PostAsync<PaymentDto>("payment", $"/api/claims/{claimId}/payments", token, new { method }, cancellationToken, Guid.NewGuid().ToString("N"));

    public Task<Answer<EventStatsDto>> StatsAsync(string organizerToken, Guid eventId, CancellationToken cancellationToken) =>
        client.GetAsync<EventStatsDto>("event.stats", $"/api/events/{eventId}/stats", organizerToken, cancellationToken);

    /// <summary>
    /// What the provider sends once the customer paid (or was declined) on its checkout page: signed, like Paystack's,
    /// and delivered again — the same event — when no 2xx came back, as Paystack does (a few seconds apart here, not
    /// its minutes). Without that, a webhook lost to a timeout would leave its claim held for the whole card grace.
    /// </summary>
    public async Task<Answer<JsonElement>> SendCardOutcomeAsync(PaymentDto payment, bool paid, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            @event = paid ? "charge.success" : "charge.failed",
            data = new
            {
                id = Random.Shared.NextInt64(1, long.MaxValue),
                reference = payment.Reference,
                amount = Money.FromMajor(payment.CardAmount, payment.Currency).Amount,
                currency = payment.Currency,
                status = paid ? "success" : "failed",
            },
        });
        var headers = new Dictionary<string, string> { [PaystackSignature.HeaderName] = PaystackSignature.Compute(webhookSecret, body) };
        for (var attempt = 1; ; attempt++)
        {
            var delivered = await (webhooks ?? client).PostRawAsync("webhook", "/api/webhooks/payments/simulated", body, headers, cancellationToken);
            if (delivered.Ok || delivered.Status is >= 400 and < 500 || attempt == 3)
            {
                return delivered;
            }

            await Task.Delay(TimeSpan.FromSeconds(5 * attempt), cancellationToken);
        }
    }

    private static T Expect<T>(Answer<T> answer, string what) =>
        answer.Ok && answer.Value is not null ? answer.Value : throw new BenchFailedException($"Could not {what}: HTTP {answer.Status} {answer.Code}.");
}

public sealed record QueueSettings(int AdmissionsPerMinute, int WindowMinutes);

public sealed class BenchFailedException(string message) : Exception(message);
