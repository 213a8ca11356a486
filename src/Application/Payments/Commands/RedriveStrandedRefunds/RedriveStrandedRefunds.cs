using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Payments.Commands.RedriveStrandedRefunds;

/// <summary>
/// The sweeper (RedriveStrandedRefunds job): a refund requested a while ago that nothing is still delivering — its
/// message was dead-lettered before refund requests were retried for ever, or lost — is requested again. Returns how
/// many were. Safe to run any time: a refund the gateway already took is never asked for again.
/// </summary>
public sealed record RedriveStrandedRefundsCommand(int BatchSize = 50) : IRequest<int>;

public sealed class RedriveStrandedRefundsCommandHandler(
    IApplicationDbContext context,
    IStrandedRefunds stranded,
    TimeProvider timeProvider,
    ILogger<RedriveStrandedRefundsCommandHandler> logger) : IRequestHandler<RedriveStrandedRefundsCommand, int>
{
    /// <summary>A refund request younger than this is still being delivered normally.</summary>
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(15);

    public async Task<int> Handle(RedriveStrandedRefundsCommand request, CancellationToken cancellationToken)
    {
        var ids = await stranded.FindAsync(timeProvider.GetUtcNow() - StrandedAfter, request.BatchSize, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var payments = await context.Payments.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var redriven = payments.Where(p => p.AwaitsRefund).ToList();
        foreach (var payment in redriven)
        {
            payment.RequestRefundAgain();
            logger.LogWarning("Payment {Reference}: its refund was requested at {RequestedAt:O} and nothing was delivering it; requested again", payment.Reference, payment.RefundRequestedAt);
        }

        await context.SaveChangesAsync(cancellationToken);
        return redriven.Count;
    }
}
