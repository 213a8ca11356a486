using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Claims;

namespace Ticketing.Application.Claims.Commands.ExpireClaims;

/// <summary>
/// The pending-booking sweeper (the ExpireClaims job): Pending → Expired past the TTL with the stock returned, and a
/// one-time warning to customers whose claim runs out within <see cref="ExpiryNotice"/>.
/// </summary>
public sealed record ExpireClaimsCommand(int BatchSize = 500) : IRequest<int>;

public sealed class ExpireClaimsCommandHandler(
    IApplicationDbContext context,
    ClaimExpiry expiry,
    EventAvailability availability,
    TimeProvider timeProvider,
    ILogger<ExpireClaimsCommandHandler> logger) : IRequestHandler<ExpireClaimsCommand, int>
{
    public static readonly TimeSpan ExpiryNotice = TimeSpan.FromMinutes(2);

    public async Task<int> Handle(ExpireClaimsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await WarnAsync(now, request.BatchSize, cancellationToken);

        await using var transaction = await context.BeginTransactionAsync(cancellationToken);
        var expired = await expiry.ExpireAsync(new OverdueClaims(now), request.BatchSize, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var eventId in expired.Select(c => c.EventId).Distinct())
        {
            await availability.FollowAsync(eventId, cancellationToken);
        }

        if (expired.Count > 0)
        {
            logger.LogInformation("Expired {Count} unpaid claims and returned their tickets", expired.Count);
        }

        return expired.Count;
    }

    private async Task WarnAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var soon = now + ExpiryNotice;
        var expiring = await context.Claims
            .Where(c => c.Status == ClaimStatus.Pending && c.ExpiryWarnedAt == null && c.ExpiresAt > now && c.ExpiresAt <= soon)
            .OrderBy(c => c.ExpiresAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        foreach (var claim in expiring)
        {
            claim.WarnIfExpiringWithin(ExpiryNotice, now);
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A claim changed meanwhile (paid, released); the next sweep warns whoever still needs it.
            context.DiscardTrackedChanges();
        }
    }
}
