using System.Diagnostics;

namespace Ticketing.Bench.Scenarios;

/// <summary>--clients clients that each send their next request as soon as the last one answered, for a fixed time.</summary>
public static class ClosedLoop
{
    /// <returns>How long the clients really ran.</returns>
    public static async Task<TimeSpan> RunAsync(int clients, int seed, TimeSpan length, Func<Random, CancellationToken, Task> request, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(length);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var random = new Random(seed + client);
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await request(random, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Time is up.
            }
        }));
        return clock.Elapsed;
    }
}
