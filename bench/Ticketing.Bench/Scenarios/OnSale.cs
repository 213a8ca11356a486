using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Ticketing.Application.Queue;
using Ticketing.Domain.Queue;

namespace Ticketing.Bench.Scenarios;

/// <summary>
/// The big on-sale: every user joins the queue of a queued event at once; a share (--listeners) holds a live
/// connection and waits for the <c>admitted</c> push, the rest poll; both poll when the server's pollAfterSeconds
/// says (listeners much less often). Admitted users claim 1–4 tickets and pay — by wallet, split or card with the
/// provider's signed webhook — while some let their admission or their claim lapse and a few cards are declined.
/// Timed from the first join until every ticket is sold (or --max-seconds).
/// </summary>
public sealed class OnSale(BenchRun run)
{
    private const decimal Price = 25m;

    public async Task<ScenarioRun> RunAsync(CancellationToken cancellationToken)
    {
        var options = run.Options;
        var setup = Stopwatch.StartNew();
        var (organizer, customers) = await run.OpenAccountsAsync(options.Users, cancellationToken);
        var random = new Random(options.Seed);
        var plans = customers.Select(_ => BuyerPlan.Draw(random, options.WalletShare)).ToArray();
        await run.FundAsync(customers.Select((customer, i) => (customer, plans[i].Funding)).Where(f => f.Funding > 0).ToList(), cancellationToken);
        var @event = await run.SetupApi.CreateOnSaleEventAsync(
            organizer.Token, options.Tickets, Price, new QueueSettings(options.AdmissionsPerMinute, WindowMinutes: 1), cancellationToken);
        setup.Stop();

        var timed = new Metrics();
        var api = run.SetupApi.CountingInto(timed);
        var arrivals = run.ArrivalsApi.CountingInto(timed);
        var checkout = run.CheckoutApi.CountingInto(timed);
        var sale = new Sale(@event.Id, @event.TicketTypes[0].Id);
        var listening = ChooseListeners(customers.Count, options);
        var stats = new LiveStats();
        using var connectSlots = new SemaphoreSlim(Math.Max(1, options.Concurrency / 2));
        using var live = new LiveClients(options.Url, connectSlots, timed, stats);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(options.MaxSeconds));
        BenchRun.Log($"on-sale of {options.Tickets:N0} tickets to {options.Users:N0} users starts (event {@event.Id})");
        var clock = await run.StartTimedPhaseAsync(cancellationToken);
        var buyers = customers.Select((customer, i) => new Buyer(arrivals, api, checkout, listening[i] ? live : null, sale, customer, plans[i], options.Seed + i).RunAsync(stop.Token)).ToList();
        var everyoneDone = Task.WhenAll(buyers).ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
        var soldOut = await WatchUntilSoldOutAsync(organizer, sale, options.Tickets, timed, clock, stop);
        var duration = run.EndTimedPhase(clock);
        await stop.CancelAsync();
        await everyoneDone;
        BenchRun.Log(soldOut ? $"sold out after {duration.TotalSeconds:F1} s" : $"stopped after {duration.TotalSeconds:F1} s without selling out");

        return new ScenarioRun(@event.Id, options.Users, options.Tickets, Clients: 0, setup.Elapsed, duration, timed.Count("claim", s => s == 201), timed)
        {
            Live = new LiveSummary(listening.Count(l => l), stats.ConnectedCount, stats.PushesHeard()),
        };
    }

    /// <summary>
    /// Who holds a live connection: --listeners of the users, drawn from a random sequence of its own (so the buyers'
    /// plans stay what the seed made them), and no more than this process may open sockets for (bench/README.md).
    /// </summary>
    private static bool[] ChooseListeners(int users, BenchOptions options)
    {
        var random = new Random(options.Seed ^ 0x115);
        var chosen = Enumerable.Range(0, users).Select(_ => random.NextDouble() < options.Listeners).ToArray();
        var room = OpenFileLimit.Soft() - (5 * options.Concurrency / 2) - 1_000;
        var wanted = chosen.Count(c => c);
        if (wanted > room)
        {
            BenchRun.Log($"only {Math.Max(0, room):N0} of the {wanted:N0} listeners fit under this process's open-file limit ({OpenFileLimit.Soft():N0}); the rest poll (raise ulimit -n for more)");
            for (int i = 0, kept = 0; i < chosen.Length; i++)
            {
                chosen[i] = chosen[i] && kept++ < room;
            }
        }

        return chosen;
    }

    /// <summary>
    /// Ends the run when everything is sold, read from the database each second; every 15 s the organizer's stats
    /// (through the API, on a connection of its own) print a progress line. Neither counts as load.
    /// </summary>
    private async Task<bool> WatchUntilSoldOutAsync(BenchUser organizer, Sale sale, int tickets, Metrics timed, Stopwatch clock, CancellationTokenSource stop)
    {
        var lastLog = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                if (await run.SoldAsync(sale.EventId, stop.Token) >= tickets)
                {
                    return true;
                }

                if (clock.Elapsed - lastLog >= TimeSpan.FromSeconds(15)
                    && (await run.Dashboard.StatsAsync(organizer.Token, sale.EventId, stop.Token)).Value is { } now)
                {
                    lastLog = clock.Elapsed;
                    BenchRun.Log($"{clock.Elapsed.TotalSeconds,5:F0} s  waiting {now.Waiting,6:N0}  admitted {now.Admitted,5:N0}  pending claims {now.PendingClaims,5:N0}  sold {now.Sold,6:N0}/{tickets:N0}  requests {timed.Requests,8:N0}");
                }
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    private sealed record Sale(Guid EventId, Guid TicketTypeId);

    /// <summary>One virtual user, start to finish.</summary>
    private sealed class Buyer(TicketingApi arrivals, TicketingApi api, TicketingApi checkout, LiveClients? live, Sale sale, BenchUser user, BuyerPlan plan, int seed)
    {
        private readonly Random _random = new(seed);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var pushed = new TaskCompletionSource<AdmissionDto>(TaskCreationOptions.RunContinuationsAsynchronously);
            HubConnection? connection = null;
            try
            {
                // Connected before joining, so an admission on the first tick is not missed.
                connection = live is null ? null : await live.ConnectAsync(user.Token, sale.EventId, a => pushed.TrySetResult(a), cancellationToken);
                var joined = await arrivals.JoinQueueAsync(user.Token, sale.EventId, cancellationToken, listening: connection is not null);
                var entry = joined.Value;
                var admission = entry?.Admission;
                while (admission is null && entry is { Status: QueueEntryStatus.Waiting })
                {
                    var delay = Task.Delay(NextPoll(entry), cancellationToken);
                    if (await Task.WhenAny(pushed.Task, delay) == pushed.Task)
                    {
                        admission = pushed.Task.Result;
                        break;
                    }

                    await delay;
                    var polled = await api.PollQueueAsync(user.Token, sale.EventId, cancellationToken, listening: connection is not null);
                    entry = polled.Ok ? polled.Value : entry;
                    admission = entry?.Admission;
                }

                if (admission is not null)
                {
                    await BuyAsync(admission, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The sale is over (or the time is up): the user closes the tab.
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }

        private async Task BuyAsync(AdmissionDto admission, CancellationToken cancellationToken)
        {
            if (plan.Behaviour == BuyerBehaviour.LetsAdmissionLapse)
            {
                return;
            }

            var claim = await checkout.ClaimAsync(user.Token, sale.EventId, sale.TicketTypeId, plan.Quantity, admission.Token, cancellationToken, admission.ExpiresAt);
            if (claim is { Status: 409, Code: "INSUFFICIENT_INVENTORY" } && plan.Quantity > 1)
            {
                claim = await checkout.ClaimAsync(user.Token, sale.EventId, sale.TicketTypeId, 1, admission.Token, cancellationToken, admission.ExpiresAt);
            }

            if (!claim.Ok)
            {
                // Nothing left for now: the user closes the tab, and leaving hands a live admission to the next in line.
                if (admission.ExpiresAt > DateTimeOffset.UtcNow)
                {
                    await checkout.LeaveQueueAsync(user.Token, sale.EventId, cancellationToken, admission.ExpiresAt);
                }

                return;
            }

            if (plan.Behaviour == BuyerBehaviour.LetsClaimLapse)
            {
                return;
            }

            // A few seconds on the payment page.
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(500, 3_000)), cancellationToken);
            var payment = await checkout.PayAsync(user.Token, claim.Value!.Id, plan.Method, cancellationToken);
            if (payment.Ok && payment.Value!.CardAmount > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(500, 3_000)), cancellationToken);
                await checkout.SendCardOutcomeAsync(payment.Value, paid: plan.Behaviour != BuyerBehaviour.CardDeclined, cancellationToken);
            }
        }

        /// <summary>A well-behaved client: when the server says (pollAfterSeconds, ADR 20), ±20 % so fans who joined together spread out.</summary>
        private TimeSpan NextPoll(QueueEntryDto entry) =>
            TimeSpan.FromSeconds(entry.PollAfterSeconds * (0.8 + (_random.NextDouble() * 0.4)));
    }
}
