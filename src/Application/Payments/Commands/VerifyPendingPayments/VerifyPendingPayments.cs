using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments.Commands.VerifyPendingPayments;

/// <summary>
/// The verification sweep (the VerifyPendingPayments job): asks the provider about card payments whose webhook should
/// have come by now and applies each answer (ADR 0013). A claim's payment is due once its claim has ended or is past
/// its end and the card grace — never while the customer may still be at the checkout, whatever the claim's TTL; a
/// top-up once it is pending longer than <see cref="PaymentOptions.VerifyPendingAfter"/>. The longest-unasked come
/// first, so payments the provider cannot settle yet (still "ongoing", an unknown provider) never starve the rest;
/// flagged payments wait for a person. Returns how many the provider answered for.
/// </summary>
public sealed record VerifyPendingPaymentsCommand(int BatchSize = 100) : IRequest<int>;

public sealed class VerifyPendingPaymentsCommandHandler(
    IApplicationDbContext context,
    PaymentVerification verification,
    IOptions<PaymentOptions> options,
    TimeProvider timeProvider) : IRequestHandler<VerifyPendingPaymentsCommand, int>
{
    public async Task<int> Handle(VerifyPendingPaymentsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var startedBefore = now - options.Value.VerifyPendingAfter;
        var heldUntil = now - options.Value.CardGrace;
        var due = await context.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Pending && p.Provider != null && p.FlaggedReason == null
                        && (p.ClaimId == null
                            ? p.CreatedAt <= startedBefore
                            : context.Claims.Any(c => c.Id == p.ClaimId && (c.Status != ClaimStatus.Pending || c.ExpiresAt <= heldUntil))))
            .OrderBy(p => p.LastVerifiedAt != null)
            .ThenBy(p => p.LastVerifiedAt)
            .ThenBy(p => p.CreatedAt)
            .Select(p => p.Id)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);

        var answered = 0;
        foreach (var paymentId in due)
        {
            answered += await verification.VerifyAsync(paymentId, cancellationToken) ? 1 : 0;
        }

        return answered;
    }
}
