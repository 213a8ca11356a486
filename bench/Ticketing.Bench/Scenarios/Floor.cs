namespace Ticketing.Bench.Scenarios;

/// <summary>
/// The framework's floor: --clients closed-loop clients on <c>GET /health/live</c> (no authentication, no database)
/// for --seconds. What an endpoint's rate is compared to (<c>ratioToFloor</c>): the share of what this machine's
/// HTTP stack could answer that the endpoint's own work leaves.
/// </summary>
public sealed class Floor(BenchRun run)
{
    public async Task<ScenarioRun> RunAsync(CancellationToken cancellationToken)
    {
        var timed = new Metrics();
        var clock = await run.StartTimedPhaseAsync(cancellationToken);
        await MeasureInto(timed, run.Options.Seconds, cancellationToken);
        var duration = run.EndTimedPhase(clock);
        var perSecond = timed.Count(Endpoint, s => s == 200) / duration.TotalSeconds;
        return new ScenarioRun(Guid.Empty, Users: 0, Tickets: 0, run.Options.Clients, TimeSpan.Zero, duration, Claims: 0, timed)
        {
            FloorPerSecond = perSecond,
        };
    }

    /// <summary>The floor measured before a scenario's timed phase, in the same run: requests answered per second.</summary>
    public async Task<double> MeasureAsync(CancellationToken cancellationToken)
    {
        var seconds = run.Options.FloorSeconds ?? run.Options.Seconds;
        BenchRun.Log($"measuring the floor: {run.Options.Clients:N0} clients on /health/live for {seconds} s…");
        var metrics = new Metrics();
        var duration = await MeasureInto(metrics, seconds, cancellationToken);
        var perSecond = metrics.Count(Endpoint, s => s == 200) / duration.TotalSeconds;
        BenchRun.Log($"floor: {perSecond:F0} requests/s");
        return perSecond;
    }

    private const string Endpoint = "health.live";

    private Task<TimeSpan> MeasureInto(Metrics metrics, int seconds, CancellationToken cancellationToken)
    {
        var api = run.SetupApi.CountingInto(metrics);
        return ClosedLoop.RunAsync(run.Options.Clients, run.Options.Seed, TimeSpan.FromSeconds(seconds), (_, ct) => api.HealthLiveAsync(ct), cancellationToken);
    }
}
