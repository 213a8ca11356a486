using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Payments;

public sealed class WebhookInbox(ApplicationDbContext context, TimeProvider timeProvider) : IWebhookInbox
{
    public async Task<bool> TryRecordAsync(
        string provider, string eventName, string providerEventId, string? reference, string payload, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO payment_webhook_inbox (provider, event_name, provider_event_id, reference, payload, received_at)
            VALUES ({provider}, {eventName}, {providerEventId}, {reference}, {payload}::jsonb, {timeProvider.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken) == 1;
}
