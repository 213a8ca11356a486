using System.Diagnostics;
using Ticketing.Application.Queue;
using Ticketing.Domain.Queue;

namespace Ticketing.Bench.Scenarios;

/// <summary>
/// The big on-sale: every user joins the queue of a queued event at once, polls as a well-behaved client does
/// (less often the further back), claims 1–4 tickets when admitted and pays — by wallet, split or card with the
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
        var sale = new Sale(@event.Id, @event.TicketTypes[0].Id);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(options.MaxSeconds));
        BenchRun.Log($"on-sale of {options.Tickets:N0} tickets to {options.Users:N0} users starts (event {@event.Id})");
        var clock = await run.StartTimedPhaseAsync(cancellationToken);
        var buyers = customers.Select((customer, i) => new Buyer(arrivals, api, sale, customer, plans[i], options.Seed + i).RunAsync(stop.Token)).ToList();
        var everyoneDone = Task.WhenAll(buyers).ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
        var soldOut = await WatchUntilSoldOutAsync(organizer, sale, options.Tickets, timed, clock, stop);
        var duration = clock.Elapsed;
        await stop.CancelAsync();
        await everyoneDone;
        BenchRun.Log(soldOut ? $"sold out after {duration.TotalSeconds:F1} s" : $"stopped after {duration.TotalSeconds:F1} s without selling out");

        return new ScenarioRun(@event.Id, options.Users, options.Tickets, Clients: 0, setup.Elapsed, duration, timed.Count("claim", s => s == 201), timed);
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
    private sealed class Buyer(TicketingApi arrivals, TicketingApi api, Sale sale, BenchUser user, BuyerPlan plan, int seed)
    {
        private readonly Random _random = new(seed);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                var joined = await arrivals.JoinQueueAsync(user.Token, sale.EventId, cancellationToken);
                var entry = joined.Value;
                while (entry is not null && entry.Status == QueueEntryStatus.Waiting)
                {
                    await Task.Delay(NextPoll(entry), cancellationToken);
                    var polled = await api.PollQueueAsync(user.Token, sale.EventId, cancellationToken);
                    entry = polled.Ok ? polled.Value : entry;
                }

                if (entry?.Admission is { } admission)
                {
                    await BuyAsync(admission, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The sale is over (or the time is up): the user closes the tab.
            }
        }

        private async Task BuyAsync(AdmissionDto admission, CancellationToken cancellationToken)
        {
            if (plan.Behaviour == BuyerBehaviour.LetsAdmissionLapse)
            {
                return;
            }

            var claim = await api.ClaimAsync(user.Token, sale.EventId, sale.TicketTypeId, plan.Quantity, admission.Token, cancellationToken);
            if (claim is { Status: 409, Code: "INSUFFICIENT_INVENTORY" } && plan.Quantity > 1)
            {
                claim = await api.ClaimAsync(user.Token, sale.EventId, sale.TicketTypeId, 1, admission.Token, cancellationToken);
            }

            if (!claim.Ok)
            {
                // Nothing left for now: the user closes the tab, and leaving hands a live admission to the next in line.
                if (admission.ExpiresAt > DateTimeOffset.UtcNow)
                {
                    await api.LeaveQueueAsync(user.Token, sale.EventId, cancellationToken);
                }

                return;
            }

            if (plan.Behaviour == BuyerBehaviour.LetsClaimLapse)
            {
                return;
            }

            // A few seconds on the payment page.
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(500, 3_000)), cancellationToken);
            var payment = await api.PayAsync(user.Token, claim.Value!.Id, plan.Method, cancellationToken);
            if (payment.Ok && payment.Value!.CardAmount > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(500, 3_000)), cancellationToken);
                await api.SendCardOutcomeAsync(payment.Value, paid: plan.Behaviour != BuyerBehaviour.CardDeclined, cancellationToken);
            }
        }

        /// <summary>A considerate client: about half the estimated wait, between 1 and 30 seconds, with jitter.</summary>
        private TimeSpan NextPoll(QueueEntryDto entry)
        {
            var seconds = entry.EstimatedWaitSeconds is { } wait ? Math.Clamp(wait / 2.0, 1, 30) : 2;
            return TimeSpan.FromSeconds(seconds * (0.8 + (_random.NextDouble() * 0.4)));
        }
    }
}
