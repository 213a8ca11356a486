using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments.Commands.VerifyPendingPayments;

/// <summary>
/// The verification sweep (the VerifyPendingPayments job): asks the provider about card payments whose webhook should
/// have come by now — pending longer than <see cref="PaymentOptions.VerifyPendingAfter"/>, or whose claim has ended —
/// and applies each answer (ADR 0013). Returns how many the provider answered for.
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
        var startedBefore = timeProvider.GetUtcNow() - options.Value.VerifyPendingAfter;
        var due = await context.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Pending && p.Provider != null
                        && (p.CreatedAt <= startedBefore
                            || context.Claims.Any(c => c.Id == p.ClaimId && c.Status != ClaimStatus.Pending)))
            .OrderBy(p => p.CreatedAt)
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
