using Microsoft.Extensions.DependencyInjection;
using Ticketing.Domain.Claims;

namespace Ticketing.Application.Inventory;

/// <summary>
/// Claims by group commit. Every claim of an on-sale updates the same ticket_types row, which stays locked from its
/// UPDATE to its COMMIT; one transaction per claim makes the sale as fast as that row's round trips. Here the claims
/// for one event that arrive while a batch of it runs wait for the next batch, and a batch takes the row once for all
/// of them (<see cref="ClaimBatch"/>).
/// <list type="bullet">
/// <item>Fairness: claims are decided in arrival order, each against what the ones before it left; a customer twice
/// in a batch counts twice towards the limit, and an admission is used by at most one claim.</item>
/// <item>Same answers: a refusal is the one a claim alone would get — SOLD_OUT, INSUFFICIENT_INVENTORY or
/// SEATS_UNAVAILABLE only after the batch freed the overdue claims for exactly the stock it lacked, once.</item>
/// <item>Answered after the commit: no claim is told it holds tickets before its batch committed. A batch that fails
/// as a whole is run again claim by claim, so only the claims that cause the failure fail.</item>
/// <item>Not a correctness device: across instances the conditional UPDATE and ck_ticket_types_inventory still keep
/// invariant 1; a batch whose unlocked read was overtaken runs again holding the rows.</item>
/// <item>No deadlock between batches: customers' advisory locks, then seat rows, then ticket-type rows, each in one
/// fixed order, the ticket-type rows last, just before the commit.</item>
/// <item>No added latency: a batch starts as soon as a claim arrives to an idle event, the next as soon as it ends;
/// at most <see cref="MaxBatch"/> claims each.</item>
/// <item>Once enqueued a claim is finished whatever its client does: the batch ignores the request's cancellation,
/// so a disconnect never leaves half a claim (the claim then simply expires unpaid).</item>
/// </list>
/// </summary>
public sealed class ClaimBatcher(IServiceScopeFactory scopes)
{
    public const int MaxBatch = 64;

    private readonly Lock _lock = new();

    // An event has a lane while a batch of it runs; the lane holds the claims waiting for the next batch.
    private readonly Dictionary<Guid, Queue<Waiting>> _lanes = [];

    /// <summary>The claim once its batch committed, or the refusal it got.</summary>
    public Task<Claim> ClaimAsync(ClaimRequest request)
    {
        var waiting = new Waiting(request);
        var eventId = request.Event.Id;
        bool idle;
        lock (_lock)
        {
            idle = !_lanes.TryGetValue(eventId, out var lane);
            if (idle)
            {
                _lanes[eventId] = lane = new Queue<Waiting>();
            }

            lane!.Enqueue(waiting);
        }

        if (idle)
        {
            _ = Task.Run(() => DrainAsync(eventId));
        }

        return waiting.Outcome.Task;
    }

    private async Task DrainAsync(Guid eventId)
    {
        while (true)
        {
            List<Waiting> batch = [];
            lock (_lock)
            {
                var lane = _lanes[eventId];
                while (batch.Count < MaxBatch && lane.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _lanes.Remove(eventId);
                    return;
                }
            }

            await RunAsync(batch);
        }
    }

    private async Task RunAsync(IReadOnlyList<Waiting> batch)
    {
        try
        {
            var outcomes = await RunInScopeAsync(batch.Select(w => w.Request).ToList());
            foreach (var (waiting, outcome) in batch.Zip(outcomes))
            {
                if (outcome.Claim is { } claim)
                {
                    waiting.Outcome.SetResult(claim);
                }
                else
                {
                    waiting.Outcome.SetException(outcome.Refusal!);
                }
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var waiting in batch)
            {
                await RunAsync([waiting]);
            }
        }
        catch (Exception failure)
        {
            batch[0].Outcome.SetException(failure);
        }
    }

    private async Task<IReadOnlyList<ClaimOutcome>> RunInScopeAsync(IReadOnlyList<ClaimRequest> requests)
    {
        try
        {
            return await RunOnceAsync(requests, lockStock: false);
        }
        catch (StockMovedException)
        {
            return await RunOnceAsync(requests, lockStock: true);
        }
    }

    private async Task<IReadOnlyList<ClaimOutcome>> RunOnceAsync(IReadOnlyList<ClaimRequest> requests, bool lockStock)
    {
        // A scope (and DbContext) per run: a failed run's tracked changes must not leak into its retry.
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClaimBatch>().RunAsync(requests, lockStock, CancellationToken.None);
    }

    private sealed class Waiting(ClaimRequest request)
    {
        public ClaimRequest Request { get; } = request;

        public TaskCompletionSource<Claim> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
