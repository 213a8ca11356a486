using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ticketing.Worker;

/// <summary>
/// The Worker serves no HTTP, so its health (database reachable, scheduler running) is written to a file every
/// few seconds; a container health check reads the status and how fresh the file is.
/// </summary>
public sealed class HealthFilePublisher(IConfiguration configuration) : IHealthCheckPublisher
{
    public const string DefaultPath = "/tmp/ticketing-worker.health";

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(
            configuration["Worker:HealthFile"] ?? DefaultPath,
            $"{report.Status} {DateTimeOffset.UtcNow:O}\n",
            cancellationToken);
}
