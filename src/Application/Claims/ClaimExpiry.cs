using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Payments;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Claims;

/// <summary>
/// Ends overdue claims and gives their stock back, in the caller's transaction. Used by the sweeper job and by a
/// claim attempt that would otherwise be refused, so stock never waits for the sweeper.
/// </summary>
public sealed class ClaimExpiry(
    IApplicationDbContext context, IClaimRows claims, IInventory inventory, PaymentSettlement settlement, IOptions<PaymentOptions> options)
{
    public async Task<IReadOnlyList<Claim>> ExpireAsync(OverdueClaims filter, int max, CancellationToken cancellationToken)
    {
        var overdue = await claims.LockOverdueAsync(filter with { CardGrace = options.Value.CardGrace }, max, cancellationToken);
        foreach (var claim in overdue)
        {
            claim.Expire(filter.Now);

            // The grace is over: a card payment still not done is given up.
            await ReturnAsync(claim, "The claim expired before the payment completed.", cancellationToken);
        }

        if (overdue.Count > 0)
        {
            await context.SaveChangesAsync(cancellationToken);
        }

        return overdue;
    }

    /// <summary>
    /// After a claim ended (expired, released): its stock goes back and a payment still under way is given up — its
    /// wallet part comes back at once, and a card capture that arrives later is handled as late (PaymentSettlement).
    /// </summary>
    public async Task ReturnAsync(Claim endedClaim, string paymentReason, CancellationToken cancellationToken)
    {
        await inventory.ReleaseAsync(endedClaim.Id, endedClaim.StockLines, cancellationToken);
        foreach (var payment in await context.Payments.Where(p => p.ClaimId == endedClaim.Id && p.Status == PaymentStatus.Pending).ToListAsync(cancellationToken))
        {
            await settlement.AbandonAsync(payment, paymentReason, cancellationToken);
        }
    }
}
