using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Payments;
using Ticketing.Application.Inventory;

namespace Ticketing.Application.Claims.Commands.ExpireClaims;

/// <summary>
/// The pending-booking sweeper (the ExpireClaims job): Pending → Expired past the TTL with the stock returned, and a
/// one-time warning to customers whose claim runs out within <see cref="ExpireClaimsCommandHandler.ExpiryNotice"/>. The card payments of the claims
/// it expired are then verified with the provider, outside the sweep's transaction (ADR 0013).
/// </summary>
public sealed record ExpireClaimsCommand(int BatchSize = 500) : IRequest<int>;

public sealed class ExpireClaimsCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IClaimRows claims,
    ClaimExpiry expiry,
    PaymentVerification verification,
    TimeProvider timeProvider,
    ILogger<ExpireClaimsCommandHandler> logger) : IRequestHandler<ExpireClaimsCommand, int>
{
    public static readonly TimeSpan ExpiryNotice = TimeSpan.FromMinutes(2);

    public async Task<int> Handle(ExpireClaimsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await WarnAsync(now, request.BatchSize, cancellationToken);

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var expired = await expiry.ExpireAsync(new OverdueClaims(now), request.BatchSize, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (expired.Count > 0)
        {
            logger.LogInformation("Expired {Count} unpaid claims and returned their tickets", expired.Count);
            await verification.VerifyPaymentsOfAsync(expired.Select(c => c.Id).ToList(), cancellationToken);
        }

        return expired.Count;
    }

    /// <summary>
    /// Claims being paid or released right now are skipped (SKIP LOCKED) and warned by a later sweep: waiting for
    /// them while holding the locks of the rest of the batch would stall every payment behind the sweep.
    /// </summary>
    private async Task WarnAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        foreach (var claim in await claims.LockExpiringUnwarnedAsync(now, ExpiryNotice, batchSize, cancellationToken))
        {
            claim.WarnIfExpiringWithin(ExpiryNotice, now);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
