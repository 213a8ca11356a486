using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Claims;

namespace Ticketing.Application.Claims;

/// <summary>
/// Ends overdue claims and gives their stock back, in the caller's transaction. Used by the sweeper job and by a
/// claim attempt that would otherwise be refused, so stock never waits for the sweeper.
/// </summary>
public sealed class ClaimExpiry(IApplicationDbContext context, IClaimRows claims, IInventory inventory)
{
    public async Task<int> ExpireAsync(OverdueClaims filter, int max, CancellationToken cancellationToken)
    {
        var overdue = await claims.LockOverdueAsync(filter, max, cancellationToken);
        foreach (var claim in overdue)
        {
            claim.Expire(filter.Now);
            await inventory.ReleaseAsync(claim.Id, claim.Items.Select(i => (i.TicketTypeId, i.Quantity)).ToList(), cancellationToken);
        }

        if (overdue.Count > 0)
        {
            await context.SaveChangesAsync(cancellationToken);
        }

        return overdue.Count;
    }
}
