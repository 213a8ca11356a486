using MediatR;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Payments;
using Ticketing.Domain.Accounts;
using Ticketing.Application.Inventory;

namespace Ticketing.Application.Claims.Commands.ReleaseClaim;

/// <summary>
/// The customer lets a pending claim go: Pending → Released, and its tickets are back on sale at once. A card payment
/// under way is then verified with the provider (ADR 0013).
/// </summary>
[Authorize(Roles = Roles.Customer)]
public sealed record ReleaseClaimCommand(Guid ClaimId) : IRequest<Unit>;

public sealed class ReleaseClaimCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    IClaimRows claims,
    ClaimExpiry expiry,
    PaymentVerification verification,
    TimeProvider timeProvider) : IRequestHandler<ReleaseClaimCommand, Unit>
{
    public async Task<Unit> Handle(ReleaseClaimCommand request, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);

        // Locked, so the sweeper cannot expire it while we release it (whoever is second sees the outcome).
        var claim = await claims.LockAsync(request.ClaimId, cancellationToken);
        if (claim is null || claim.CustomerId != currentUser.UserId)
        {
            throw new NotFoundException("Claim");
        }

        claim.Release(timeProvider.GetUtcNow());
        await expiry.ReturnAsync(claim, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A checkout the customer opened may have been paid: its capture is now a late one.
        await verification.VerifyPaymentsOfAsync([claim.Id], cancellationToken);
        return Unit.Value;
    }
}
