using System.Diagnostics;

namespace Ticketing.Bench.Scenarios;

/// <summary>
/// The event page as anyone sees it: --clients closed-loop clients read <c>GET /api/events/{id}</c> anonymously for
/// --seconds, after the floor is measured in the same run.
/// </summary>
public sealed class EventRead(BenchRun run)
{
    public async Task<ScenarioRun> RunAsync(CancellationToken cancellationToken)
    {
        var options = run.Options;
        var setup = Stopwatch.StartNew();
        var (organizer, _) = await run.OpenAccountsAsync(0, cancellationToken);
        var @event = await run.SetupApi.CreateOnSaleEventAsync(organizer.Token, options.Tickets, 25m, queue: null, cancellationToken);
        setup.Stop();
        var floor = options.FloorSeconds == 0 ? (double?)null : await new Floor(run).MeasureAsync(cancellationToken);

        var timed = new Metrics();
        var api = run.SetupApi.CountingInto(timed);
        BenchRun.Log($"{options.Clients:N0} clients read the event for {options.Seconds} s (event {@event.Id})");
        var clock = await run.StartTimedPhaseAsync(cancellationToken);
        await ClosedLoop.RunAsync(options.Clients, options.Seed, TimeSpan.FromSeconds(Math.Min(options.Seconds, options.MaxSeconds)),
            (_, ct) => api.ReadEventAsync(@event.Id, ct), cancellationToken);
        var duration = run.EndTimedPhase(clock);

        return new ScenarioRun(@event.Id, Users: 0, options.Tickets, options.Clients, setup.Elapsed, duration, Claims: 0, timed)
        {
            ReadsPerSecond = timed.Count("event.read", s => s == 200) / duration.TotalSeconds,
            FloorPerSecond = floor,
        };
    }
}
