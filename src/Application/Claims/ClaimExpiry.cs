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
            await inventory.ReleaseAsync(claim.Id, claim.Items.Select(i => (i.TicketTypeId, i.Quantity)).ToList(), cancellationToken);

            // The grace is over: a card payment still not done is given up (a capture that comes later is handled as late).
            foreach (var payment in await context.Payments.Where(p => p.ClaimId == claim.Id && p.Status == PaymentStatus.Pending).ToListAsync(cancellationToken))
            {
                await settlement.AbandonAsync(payment, "The claim expired before the payment completed.", cancellationToken);
            }
        }

        if (overdue.Count > 0)
        {
            await context.SaveChangesAsync(cancellationToken);
        }

        return overdue;
    }
}
