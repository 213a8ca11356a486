using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Ticketing.Infrastructure.Health;

/// <summary>
/// Whether a Worker is alive, from the check-ins its clustered Quartz scheduler writes every 10 s: without one no sale
/// opens, no claim expires, no push or refund goes out — while the API still answers. Degraded, not unhealthy: taking
/// every WebApi out of the load balancer would not bring a Worker back.
/// </summary>
public sealed class WorkerHeartbeatHealthCheck(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>Six missed check-ins: longer than a restart, shorter than anyone would wait for a sale to open.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(60);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Quartz.NET stores the check-in as UTC ticks.
        await using var command = dataSource.CreateCommand("SELECT max(last_checkin_time) FROM quartz.qrtz_scheduler_state");
        if (await command.ExecuteScalarAsync(cancellationToken) is not long ticks)
        {
            return HealthCheckResult.Degraded("No Worker has checked in.");
        }

        var silentFor = timeProvider.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        var data = new Dictionary<string, object> { ["secondsSinceCheckIn"] = Math.Round(silentFor.TotalSeconds) };
        return silentFor <= Silence
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"No Worker has checked in for {silentFor.TotalSeconds:F0} s.", data: data);
    }
}
