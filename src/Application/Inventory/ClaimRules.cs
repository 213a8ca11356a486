using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Inventory;

/// <summary>
/// The rules every taking of stock obeys — a new claim (CreateClaim) and a late payment's retake (PaymentSettlement)
/// alike, so a late payment can never do what a new claim may not.
/// </summary>
public sealed class ClaimRules(IApplicationDbContext context, ITransactionLocks locks)
{
    /// <summary>One taking at a time per customer and event, so the per-customer limit cannot be raced past.</summary>
    public Task LockCustomerAsync(Guid eventId, Guid customerId, CancellationToken cancellationToken) =>
        locks.AcquireAsync("claim", eventId, customerId, cancellationToken);

    /// <summary><see cref="LockCustomerAsync"/> for several customers at once, in a fixed order (a batch of claims).</summary>
    public Task LockCustomersAsync(Guid eventId, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken) =>
        locks.AcquireAllAsync("claim", eventId, customerIds, cancellationToken);

    /// <summary>A queued event, or one serving its sold-out waiting list, sells only to admitted customers.</summary>
    public async Task<bool> NeedsAdmissionAsync(Event @event, CancellationToken cancellationToken) =>
        @event.Queue.Enabled || await context.QueueEntries.AnyAsync(
            q => q.EventId == @event.Id && (q.Status == QueueEntryStatus.Waiting || q.Status == QueueEntryStatus.Admitted), cancellationToken);

    /// <summary>What the customer already holds (Pending claims) and bought (tickets not void) of the event.</summary>
    public async Task<int> HeldOrBoughtAsync(Guid eventId, Guid customerId, CancellationToken cancellationToken) =>
        (await HeldOrBoughtAsync(eventId, [customerId], cancellationToken)).GetValueOrDefault(customerId);

    /// <summary>What each of several customers already holds and bought of the event; a customer with nothing is absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> HeldOrBoughtAsync(
        Guid eventId, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        var held = await context.Claims
            .Where(c => c.EventId == eventId && customerIds.Contains(c.CustomerId) && c.Status == ClaimStatus.Pending)
            .SelectMany(c => c.Items, (c, i) => new { c.CustomerId, i.Quantity })
            .GroupBy(x => x.CustomerId)
            .Select(g => new { CustomerId = g.Key, Count = g.Sum(x => x.Quantity) })
            .ToListAsync(cancellationToken);
        var bought = await context.Bookings
            .Where(b => b.EventId == eventId && b.CustomerId != null && customerIds.Contains(b.CustomerId.Value))
            .SelectMany(b => b.Tickets.Where(t => t.Status != TicketStatus.Void), (b, t) => b.CustomerId!.Value)
            .GroupBy(customerId => customerId)
            .Select(g => new { CustomerId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return held.Concat(bought).GroupBy(x => x.CustomerId).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
    }
}
