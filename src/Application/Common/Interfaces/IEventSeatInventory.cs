namespace Ticketing.Application.Common.Interfaces;

/// <summary>The per-event seat rows, changed only by set-based SQL.</summary>
public interface IEventSeatInventory
{
    /// <summary>One Available row per seat of the event's venue, under the ticket type of the seat's type. Idempotent.</summary>
    Task<int> MaterializeAsync(Guid eventId, CancellationToken cancellationToken);
}
