namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// Ticket-type counters and seat rows, changed only by single conditional SQL statements in the caller's
/// transaction (architecture.md, "Concurrency"): nothing here reads and then writes.
/// </summary>
public interface IInventory
{
    /// <summary>
    /// <c>held += quantity</c> if <c>sold + held + quantity ≤ capacity</c>: what is left of the type afterwards, or
    /// null when there was not enough (nothing changed).
    /// </summary>
    Task<int?> TryHoldAsync(Guid ticketTypeId, int quantity, CancellationToken cancellationToken);

    /// <summary><see cref="TryHoldAsync"/> on the calling thread, for <see cref="IUnitOfWorkTransaction.CommitAfterAsync"/>.</summary>
    int? TryHold(Guid ticketTypeId, int quantity);

    /// <summary>Marks exactly the requested Available seats Held by the claim; returns how many it took (all or the caller rolls back).</summary>
    Task<int> HoldSeatsAsync(Guid eventId, Guid claimId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken);

    /// <summary>
    /// Capacity − sold − held of each type: read plainly, or locked FOR UPDATE (in id order) when
    /// <paramref name="lockRows"/>, so nothing can change it before the caller commits.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, int>> AvailableOfTypesAsync(IReadOnlyCollection<Guid> ticketTypeIds, bool lockRows, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="seatIds"/>, the ones Available now, locked FOR UPDATE in id order until the caller's transaction ends.</summary>
    Task<IReadOnlySet<Guid>> LockAvailableSeatsAsync(Guid eventId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken);

    /// <summary>Marks each seat Held by its claim, if still Available, in one statement; returns how many it took.</summary>
    Task<int> HoldSeatsForAsync(Guid eventId, IReadOnlyList<(Guid SeatId, Guid ClaimId)> seats, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="seatIds"/>, the ones that are not Available now.</summary>
    Task<IReadOnlyList<Guid>> UnavailableSeatsAsync(Guid eventId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken);

    /// <summary><c>held -= quantity</c>, and the claim's seats back to Available.</summary>
    Task ReleaseAsync(Guid claimId, IReadOnlyList<(Guid TicketTypeId, int Quantity)> items, CancellationToken cancellationToken);

    /// <summary>A box-office sale: <c>sold += quantity</c> if <c>sold + held + quantity ≤ capacity</c>; false when there is not enough.</summary>
    Task<bool> TrySellAsync(Guid ticketTypeId, int quantity, CancellationToken cancellationToken);

    /// <summary>Marks exactly the requested Available seats Sold; returns how many it took (all, or none).</summary>
    Task<int> SellSeatsAsync(Guid eventId, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken);

    /// <summary>A paid claim's seats, from Held to Sold (its counters: <see cref="MoveHeld"/>).</summary>
    Task SellHeldSeatsAsync(Guid claimId, CancellationToken cancellationToken);

    /// <summary>An unpaid claim's seats, from Held back to Available (its counters: <see cref="MoveHeld"/>).</summary>
    Task FreeHeldSeatsAsync(Guid claimId, CancellationToken cancellationToken);

    /// <summary>
    /// A settled claim's counters, on the calling thread for <see cref="IUnitOfWorkTransaction.CommitAfterAsync"/>:
    /// <c>held -= quantity</c>, and <c>sold += quantity</c> when it was paid.
    /// </summary>
    void MoveHeld(IReadOnlyList<(Guid TicketTypeId, int Quantity)> items, bool sold);

    /// <summary>A cancelled booking: <c>sold -= quantity</c>, and its seats back to Available.</summary>
    Task ReturnSoldAsync(IReadOnlyList<(Guid TicketTypeId, int Quantity)> items, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken);

    /// <summary>Capacity − sold − held summed over the event's ticket types.</summary>
    Task<int> AvailableAsync(Guid eventId, CancellationToken cancellationToken);

    Task<int> AvailableOfTypeAsync(Guid ticketTypeId, CancellationToken cancellationToken);

    /// <summary>
    /// Invariant 1's repair: sets each ticket type's <c>held</c> to the quantity in its Pending claims where they
    /// differ, in one statement that skips rows changed meanwhile. Returns what it changed.
    /// </summary>
    Task<IReadOnlyList<HeldDrift>> RepairHeldAsync(CancellationToken cancellationToken);

    /// <summary>Invariant 2's repair: Held seats whose claim is no longer Pending go back to Available. Returns how many.</summary>
    Task<int> ReleaseOrphanedSeatsAsync(CancellationToken cancellationToken);

    /// <summary>Ticket types whose <c>sold</c> differs from their valid tickets (reported, not repaired).</summary>
    Task<IReadOnlyList<SoldDrift>> FindSoldDriftAsync(CancellationToken cancellationToken);
}

public sealed record HeldDrift(Guid TicketTypeId, int Was, int Now);

public sealed record SoldDrift(Guid TicketTypeId, int Sold, int ValidTickets);
