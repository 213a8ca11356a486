using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Inventory;

/// <summary>
/// One batch of claims for one event in one transaction, as <see cref="ClaimBatcher"/> describes: locks, one decision
/// per claim in arrival order, then all the writes with the ticket-type rows last.
/// </summary>
public sealed class ClaimBatch(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IInventory inventory,
    ClaimRules rules,
    ClaimExpiry expiry,
    EventAvailability availability,
    TimeProvider timeProvider)
{
    /// <summary>
    /// A claim or the refusal it gets, per request in order. Throws only for the batch as a whole (nothing committed);
    /// <see cref="StockMovedException"/> when another writer took the stock read without <paramref name="lockStock"/>.
    /// </summary>
    public async Task<IReadOnlyList<ClaimOutcome>> RunAsync(IReadOnlyList<ClaimRequest> requests, bool lockStock, CancellationToken cancellationToken)
    {
        var eventId = requests[0].Event.Id;
        var customerIds = requests.Select(r => r.CustomerId).Distinct().ToList();
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);

        await rules.LockCustomersAsync(eventId, customerIds, cancellationToken);
        var entries = await LoadAdmissionsAsync(requests, cancellationToken);
        var heldOrBought = await rules.HeldOrBoughtAsync(eventId, customerIds, cancellationToken);
        var decisions = Decide(requests, entries, heldOrBought, await ReadStockAsync(requests, lockStock, cancellationToken));
        if (await FreeOverdueStockAsync(eventId, decisions, cancellationToken))
        {
            decisions = Decide(requests, entries, heldOrBought, await ReadStockAsync(requests, lockStock, cancellationToken));
        }

        var claims = decisions.Select(d => d.Refusal is null ? Write(d.Request, entries) : null).ToList();
        var accepted = requests.Zip(claims).Where(p => p.Second is not null).Select(p => (Request: p.First, Claim: p.Second!)).ToList();
        await WriteAsync(eventId, accepted, cancellationToken);
        await transaction.CommitAfterAsync(
            () =>
            {
                // While other types still have stock the event stays OnSale; only the last tickets of a type can end
                // it. The claims are committed by the time it runs: its failure does not fail them, and the admission
                // tick re-checks.
                if (Hold(accepted) || requests.Any(r => r.Event.State != EventState.OnSale))
                {
                    availability.FollowAfterCommit(eventId);
                }
            },
            cancellationToken);
        return decisions.Select((d, i) => new ClaimOutcome(claims[i], d.Refusal)).ToList();
    }

    private async Task<IReadOnlyDictionary<Guid, QueueEntry>> LoadAdmissionsAsync(IReadOnlyList<ClaimRequest> requests, CancellationToken cancellationToken)
    {
        var entryIds = requests.Where(r => r.Admission is not null).Select(r => r.Admission!.EntryId).Distinct().ToList();
        return entryIds.Count == 0
            ? new Dictionary<Guid, QueueEntry>()
            : await context.QueueEntries.Where(q => entryIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
    }

    /// <summary>Seats before types, both in a fixed order: the lock order every batch, on every instance, keeps.</summary>
    private async Task<Stock> ReadStockAsync(IReadOnlyList<ClaimRequest> requests, bool lockStock, CancellationToken cancellationToken)
    {
        var eventId = requests[0].Event.Id;
        var seatIds = requests.SelectMany(r => r.SeatIds).Distinct().ToList();
        var freeSeats = seatIds.Count == 0
            ? new HashSet<Guid>()
            : await inventory.LockAvailableSeatsAsync(eventId, seatIds, cancellationToken);
        var typeIds = requests.SelectMany(r => r.Lines).Select(l => l.TicketTypeId).Distinct().ToList();
        return new Stock(await inventory.AvailableOfTypesAsync(typeIds, lockStock, cancellationToken), freeSeats);
    }

    /// <summary>First come, first served: each claim is decided against what the claims before it in the batch left.</summary>
    private static IReadOnlyList<Decision> Decide(
        IReadOnlyList<ClaimRequest> requests, IReadOnlyDictionary<Guid, QueueEntry> entries, IReadOnlyDictionary<Guid, int> heldOrBought, Stock stock)
    {
        var left = stock.Available.ToDictionary();
        var freeSeats = stock.FreeSeats.ToHashSet();
        var taken = heldOrBought.ToDictionary();
        var usedEntries = new HashSet<Guid>();
        return requests.Select(Decide).ToList();

        Decision Decide(ClaimRequest request)
        {
            try
            {
                if (request.Admission is { } admission)
                {
                    var entry = entries.GetValueOrDefault(admission.EntryId);
                    if (entry is null || usedEntries.Contains(entry.Id))
                    {
                        throw new DomainException(Errors.AdmissionInvalid, "The admission token is not valid for you, this event or now.");
                    }

                    entry.EnsureUsableBy(request.CustomerId, admission.ExpiresAt, request.Now);
                }

                request.Event.EnsureWithinLimit(taken.GetValueOrDefault(request.CustomerId), request.Quantity);
                var lostSeats = request.SeatIds.Where(s => !freeSeats.Contains(s)).ToList();
                if (lostSeats.Count > 0)
                {
                    return new Decision(request, StockRefusals.SeatsTaken(lostSeats), LostSeats: lostSeats);
                }

                var shortLine = request.Lines.FirstOrDefault(l => left[l.TicketTypeId] < l.Quantity);
                if (shortLine is not null)
                {
                    return new Decision(request, StockRefusals.NotEnough(left[shortLine.TicketTypeId]), ShortType: shortLine.TicketTypeId);
                }

                foreach (var line in request.Lines)
                {
                    left[line.TicketTypeId] -= line.Quantity;
                }

                freeSeats.ExceptWith(request.SeatIds);
                taken[request.CustomerId] = taken.GetValueOrDefault(request.CustomerId) + request.Quantity;
                if (request.Admission is not null)
                {
                    usedEntries.Add(request.Admission.EntryId);
                }

                return new Decision(request, null);
            }
            catch (DomainException refusal)
            {
                return new Decision(request, refusal);
            }
        }
    }

    /// <summary>"Sold out" may only mean "held by claims nobody paid": once per batch, free exactly the stock it lacked.</summary>
    private async Task<bool> FreeOverdueStockAsync(Guid eventId, IReadOnlyList<Decision> decisions, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var freed = 0;
        foreach (var ticketTypeId in decisions.Where(d => d.ShortType is not null).Select(d => d.ShortType!.Value).Distinct())
        {
            freed += (await expiry.ExpireAsync(new OverdueClaims(now, eventId, ticketTypeId), 100, cancellationToken)).Count;
        }

        var lostSeats = decisions.SelectMany(d => d.LostSeats ?? []).Distinct().ToList();
        if (lostSeats.Count > 0)
        {
            freed += (await expiry.ExpireAsync(new OverdueClaims(now, eventId, SeatIds: lostSeats), 100, cancellationToken)).Count;
        }

        return freed > 0;
    }

    private Claim Write(ClaimRequest request, IReadOnlyDictionary<Guid, QueueEntry> entries)
    {
        if (request.Admission is { } admission)
        {
            entries[admission.EntryId].UseFor(request.CustomerId, admission.ExpiresAt, request.Now);
        }

        var claim = Claim.Create(
            request.Event.Id, request.CustomerId, request.Admission?.EntryId, request.Lines.Select(l => l.ToClaimLine()).ToList(), request.Now, request.Event.ClaimTtl);
        context.Claims.Add(claim);
        return claim;
    }

    /// <summary>The accepted claims, their items and outbox rows in one SaveChanges (held seats point at their claim), then the seats.</summary>
    private async Task WriteAsync(Guid eventId, IReadOnlyList<(ClaimRequest Request, Claim Claim)> accepted, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        await context.SaveChangesAsync(cancellationToken);
        var seats = accepted.SelectMany(a => a.Request.SeatIds.Select(s => (s, a.Claim.Id))).ToList();
        if (seats.Count > 0 && await inventory.HoldSeatsForAsync(eventId, seats, cancellationToken) != seats.Count)
        {
            throw new InvalidOperationException("Seats locked as available for this batch were not available.");
        }
    }

    /// <summary>
    /// Each type's <c>held</c> once — the hot rows, last and with the commit (<see cref="IUnitOfWorkTransaction.CommitAfterAsync"/>).
    /// True when it took the last tickets of a type.
    /// </summary>
    private bool Hold(IReadOnlyList<(ClaimRequest Request, Claim Claim)> accepted)
    {
        var tookTheLast = false;
        // In PostgreSQL's uuid order (the hex text's order), as the locking read takes them.
        var perType = accepted.SelectMany(a => a.Request.Lines).GroupBy(l => l.TicketTypeId).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal);
        foreach (var type in perType)
        {
            var left = inventory.TryHold(type.Key, type.Sum(l => l.Quantity)) ?? throw new StockMovedException();
            tookTheLast |= left == 0;
        }

        return tookTheLast;
    }

    private sealed record Stock(IReadOnlyDictionary<Guid, int> Available, IReadOnlySet<Guid> FreeSeats);

    private sealed record Decision(ClaimRequest Request, DomainException? Refusal, Guid? ShortType = null, IReadOnlyList<Guid>? LostSeats = null);
}

/// <summary>What one claim of a batch came to: the claim, or the refusal it is answered with.</summary>
public sealed record ClaimOutcome(Claim? Claim, DomainException? Refusal);

/// <summary>Stock read without a lock was taken by another writer before the batch's conditional update: run it again, locking.</summary>
public sealed class StockMovedException() : Exception("The stock changed between the batch's read and its update.");
