using Ticketing.Domain.Claims;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>Claims locked for a state change, so the sweeper and the customer never both end the same claim.</summary>
public interface IClaimRows
{
    /// <summary>The claim, locked FOR UPDATE (waiting for a concurrent change to finish) and tracked with its items.</summary>
    Task<Claim?> LockAsync(Guid claimId, CancellationToken cancellationToken);

    /// <summary>
    /// Pending claims past their expiry, locked with SKIP LOCKED, narrowed to an event and a ticket type or seats when
    /// given (a claim attempt frees exactly the stock it needs before giving up).
    /// </summary>
    Task<IReadOnlyList<Claim>> LockOverdueAsync(OverdueClaims filter, int count, CancellationToken cancellationToken);

    /// <summary>Pending claims not yet warned that run out within <paramref name="notice"/>, soonest first, locked with SKIP LOCKED.</summary>
    Task<IReadOnlyList<Claim>> LockExpiringUnwarnedAsync(DateTimeOffset now, TimeSpan notice, int count, CancellationToken cancellationToken);
}

public sealed record OverdueClaims(DateTimeOffset Now, Guid? EventId = null, Guid? TicketTypeId = null, IReadOnlyCollection<Guid>? SeatIds = null)
{
    /// <summary>How long past its expiry a claim with a card payment under way is still kept.</summary>
    public TimeSpan CardGrace { get; init; }
}
