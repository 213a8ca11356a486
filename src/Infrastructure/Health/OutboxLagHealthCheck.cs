using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Ticketing.Infrastructure.Health;

/// <summary>
/// How far the outbox is behind: the oldest message due and not taken by a dispatcher. While it lags, fans hear their
/// admission late and emails and refunds wait. Degraded, not unhealthy, for the same reason as the Worker's check.
/// </summary>
public sealed class OutboxLagHealthCheck(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IHealthCheck
{
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(60);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        // A leased message's next_attempt_at is in the future (its lease), so this sees only what nobody is delivering.
        await using var command = dataSource.CreateCommand("""
            SELECT min(next_attempt_at) FROM outbox_messages
             WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND next_attempt_at <= @now
            """);
        command.Parameters.AddWithValue("now", now);
        if (await command.ExecuteScalarAsync(cancellationToken) is not DateTime oldest)
        {
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["lagSeconds"] = 0 });
        }

        var lag = now - new DateTimeOffset(DateTime.SpecifyKind(oldest, DateTimeKind.Utc));
        var data = new Dictionary<string, object> { ["lagSeconds"] = Math.Round(lag.TotalSeconds) };
        return lag <= MaxLag
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"The oldest undelivered outbox message has waited {lag.TotalSeconds:F0} s.", data: data);
    }
}
