using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Inventory;

/// <summary>
/// Keeps OnSale ⇄ SoldOut in step with the stock. Runs after a claim's transaction commits and on every admission
/// tick, because two claims taking the last tickets of two types at once cannot each see the other's.
/// </summary>
public sealed class EventAvailability(IApplicationDbContext context, IInventory inventory)
{
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
