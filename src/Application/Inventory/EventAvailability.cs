using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Inventory;

/// <summary>
/// Keeps OnSale ⇄ SoldOut in step with the stock. Runs after every transaction that moved an event's stock commits,
/// and on every admission tick, because two transactions taking the last tickets of two types at once cannot each see
/// the other's.
/// </summary>
public sealed class EventAvailability(IApplicationDbContext context, IInventory inventory, IUnitOfWork unitOfWork)
{
    /// <summary>
    /// The open transaction moved the event's stock: follow it once that commits. Registered where the stock moves,
    /// so no use case can forget it; once per event however often the transaction moves its stock.
    /// </summary>
    public void FollowAfterCommit(Guid eventId) =>
        unitOfWork.AfterCommit($"availability:{eventId}", cancellationToken => FollowAsync(eventId, cancellationToken));

    public async Task FollowAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var @event = await context.Events.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (@event is null || @event.State is not (EventState.OnSale or EventState.SoldOut))
        {
            return;
        }

        var before = @event.State;
        @event.FollowAvailability(await inventory.AvailableAsync(eventId, cancellationToken) > 0);
        if (@event.State == before)
        {
            return;
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed the event meanwhile (most likely this very transition); the next tick re-checks.
            context.DiscardTrackedChanges();
        }
    }
}
