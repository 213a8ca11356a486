using System.Diagnostics;

namespace Ticketing.Bench.Scenarios;

/// <summary>
/// The claim path alone: --clients concurrent claimers on one un-queued ticket type of --tickets, each claim by the
/// next fresh customer (1–4 tickets), until a 410 says it is gone. Nobody pays: every claim is one conditional
/// inventory UPDATE committed, which is what the raw ceiling measures without HTTP in front of it.
/// </summary>
public sealed class HotClaim(BenchRun run)
{
    public async Task<ScenarioRun> RunAsync(CancellationToken cancellationToken)
    {
        var options = run.Options;
        var setup = Stopwatch.StartNew();
        var (organizer, customers) = await run.OpenAccountsAsync(options.Tickets, cancellationToken);
        var @event = await run.SetupApi.CreateOnSaleEventAsync(organizer.Token, options.Tickets, 25m, queue: null, cancellationToken);
        var ticketTypeId = @event.TicketTypes[0].Id;
        setup.Stop();

        var timed = new Metrics();
        var api = run.SetupApi.CountingInto(timed);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(options.MaxSeconds));
        var next = -1;
        BenchRun.Log($"{options.Clients:N0} clients claim {options.Tickets:N0} tickets (event {@event.Id})");
        var clock = await run.StartTimedPhaseAsync(cancellationToken);
        var clients = Enumerable.Range(0, options.Clients).Select(async client =>
        {
            var random = new Random(options.Seed + client);
            try
            {
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref next) is var i && i < customers.Count)
                {
                    var quantity = random.Next(1, 5);
                    var claim = await api.ClaimAsync(customers[i].Token, @event.Id, ticketTypeId, quantity, admissionToken: null, stop.Token);
                    if (claim is { Status: 409, Code: "INSUFFICIENT_INVENTORY" } && quantity > 1)
                    {
                        claim = await api.ClaimAsync(customers[i].Token, @event.Id, ticketTypeId, 1, admissionToken: null, stop.Token);
                    }

                    if (claim is { Status: 410 } or { Status: 409, Code: "INSUFFICIENT_INVENTORY" })
                    {
                        await stop.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Sold out, or the time is up.
            }
        }).ToList();
        await Task.WhenAll(clients);
        var duration = run.EndTimedPhase(clock);
        BenchRun.Log($"done after {duration.TotalSeconds:F1} s");

        return new ScenarioRun(@event.Id, customers.Count, options.Tickets, options.Clients, setup.Elapsed, duration, timed.Count("claim", s => s == 201), timed);
    }
}
