using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Claims;

namespace Ticketing.Application.Inventory;

/// <summary>
/// Ends overdue claims and gives their stock back, in the caller's transaction. Used by the sweeper job and by a
/// claim attempt that would otherwise be refused, so stock never waits for the sweeper. A card payment still under way
/// is not given up here: only the provider knows whether it was captured, and it is not asked inside a transaction
/// (ADR 0013) — <see cref="Payments.PaymentVerification"/> asks after the commit, or its sweep does later.
/// </summary>
public sealed class ClaimExpiry(
    IClaimRows claims, IInventory inventory, EventAvailability availability, IApplicationDbContext context, IOptions<PaymentOptions> options)
{
    public async Task<IReadOnlyList<Claim>> ExpireAsync(OverdueClaims filter, int max, CancellationToken cancellationToken)
    {
        var overdue = await claims.LockOverdueAsync(filter with { CardGrace = options.Value.CardGrace }, max, cancellationToken);
        foreach (var claim in overdue)
        {
            claim.Expire(filter.Now);
            await ReturnAsync(claim, cancellationToken);
        }

        if (overdue.Count > 0)
        {
            await context.SaveChangesAsync(cancellationToken);
        }

        return overdue;
    }

    /// <summary>After a claim ended (expired, released, its event cancelled): its stock goes back on sale.</summary>
    public async Task ReturnAsync(Claim endedClaim, CancellationToken cancellationToken)
    {
        await inventory.ReleaseAsync(endedClaim.Id, endedClaim.StockLines, cancellationToken);
        availability.FollowAfterCommit(endedClaim.EventId);
    }
}
