using System.Diagnostics;

namespace Ticketing.Bench.Scenarios;

/// <summary>
/// The waiting room's read path: --users customers wait in the queue of an on-sale event that admits one a minute,
/// and --clients pollers ask "where am I?" as any of them, back to back, for --seconds, after the floor is measured
/// in the same run. Joining is setup.
/// </summary>
public sealed class QueuePoll(BenchRun run)
{
    public async Task<ScenarioRun> RunAsync(CancellationToken cancellationToken)
    {
        var options = run.Options;
        var setup = Stopwatch.StartNew();
        var (organizer, customers) = await run.OpenAccountsAsync(options.Users, cancellationToken);
        var @event = await run.SetupApi.CreateOnSaleEventAsync(
            organizer.Token, options.Tickets, 25m, new QueueSettings(AdmissionsPerMinute: 1, WindowMinutes: 1), cancellationToken);
        BenchRun.Log($"{customers.Count:N0} users join the queue…");
        await BenchRun.ForEachAsync(customers, options.Concurrency, async (customer, ct) =>
        {
            var joined = await run.SetupApi.JoinQueueAsync(customer.Token, @event.Id, ct);
            if (!joined.Ok)
            {
                throw new BenchFailedException($"Joining the queue failed: HTTP {joined.Status} {joined.Code}.");
            }
        }, cancellationToken);
        setup.Stop();
        var floor = options.FloorSeconds == 0 ? (double?)null : await new Floor(run).MeasureAsync(cancellationToken);

        var timed = new Metrics();
        var api = run.SetupApi.CountingInto(timed);
        BenchRun.Log($"{options.Clients:N0} clients poll for {options.Seconds} s (event {@event.Id})");
        var clock = await run.StartTimedPhaseAsync(cancellationToken);
        await ClosedLoop.RunAsync(options.Clients, options.Seed, TimeSpan.FromSeconds(Math.Min(options.Seconds, options.MaxSeconds)),
            (random, ct) => api.PollQueueAsync(customers[random.Next(customers.Count)].Token, @event.Id, ct), cancellationToken);
        var duration = run.EndTimedPhase(clock);

        var answered = timed.Count("queue.poll", s => s == 200);
        return new ScenarioRun(@event.Id, customers.Count, options.Tickets, options.Clients, setup.Elapsed, duration, Claims: 0, timed)
        {
            PollsPerSecond = answered / duration.TotalSeconds,
            FloorPerSecond = floor,
        };
    }
}
