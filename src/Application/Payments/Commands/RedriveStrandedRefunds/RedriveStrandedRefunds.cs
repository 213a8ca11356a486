using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments.Commands.RedriveStrandedRefunds;

/// <summary>
/// The sweeper (RedriveStrandedRefunds job), for refunds nothing else will finish. A refund requested a while ago that
/// nothing is still delivering — its message was dead-lettered before refund requests were retried for ever, or lost —
/// is requested again. A refund the provider took whose confirmation never came (a lost refund.processed or
/// refund.failed) is asked about after <see cref="PaymentOptions.RefundConfirmAfter"/>: processed marks the payment
/// refunded, failed sends the card part to the wallet, still pending leaves it. Returns how many payments it moved
/// on. Safe to run any time: a refund the gateway already took is never asked for again.
/// </summary>
public sealed record RedriveStrandedRefundsCommand(int BatchSize = 50) : IRequest<int>;

public sealed class RedriveStrandedRefundsCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IStrandedRefunds stranded,
    IPaymentGateways gateways,
    WalletRefunds walletRefunds,
    IOptions<PaymentOptions> options,
    TimeProvider timeProvider,
    ILogger<RedriveStrandedRefundsCommandHandler> logger) : IRequestHandler<RedriveStrandedRefundsCommand, int>
{
    /// <summary>A refund request younger than this is still being delivered normally.</summary>
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(15);

    public async Task<int> Handle(RedriveStrandedRefundsCommand request, CancellationToken cancellationToken) =>
        await RequestStrandedAgainAsync(request.BatchSize, cancellationToken) + await ConfirmUnconfirmedAsync(request.BatchSize, cancellationToken);

    private async Task<int> RequestStrandedAgainAsync(int batchSize, CancellationToken cancellationToken)
    {
        var ids = await stranded.FindAsync(timeProvider.GetUtcNow() - StrandedAfter, batchSize, cancellationToken);
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

    /// <summary>Each provider is asked outside any transaction (it is slow and external); each answer is applied in its own.</summary>
    private async Task<int> ConfirmUnconfirmedAsync(int batchSize, CancellationToken cancellationToken)
    {
        var acceptedBefore = timeProvider.GetUtcNow() - options.Value.RefundConfirmAfter;
        var unconfirmed = await context.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Succeeded && p.RefundAcceptedAt != null && p.RefundAcceptedAt <= acceptedBefore)
            .OrderBy(p => p.RefundAcceptedAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var confirmed = 0;
        foreach (var payment in unconfirmed)
        {
            if (await AskAsync(payment, cancellationToken) is not { Status: not GatewayRefundStatus.Pending } refund)
            {
                continue;
            }

            context.DiscardTrackedChanges();
            await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
            var tracked = await context.Payments.SingleAsync(p => p.Id == payment.Id, cancellationToken);
            if (tracked.Status != PaymentStatus.Succeeded)
            {
                continue;
            }

            if (refund.Status == GatewayRefundStatus.Processed)
            {
                tracked.MarkRefunded(timeProvider.GetUtcNow());
            }
            else
            {
                await walletRefunds.CreditCardPartAsync(tracked, "Refund (the card refund failed)", cancellationToken);
            }

            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            confirmed++;
            logger.LogWarning("Payment {Reference}: refund {RefundId} was never confirmed; {Provider} says it {Outcome}", payment.Reference, refund.RefundId, payment.Provider, refund.Status);
        }

        return confirmed;
    }

    private async Task<GatewayRefundState?> AskAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (gateways.Find(payment.Provider!) is not { } gateway)
        {
            logger.LogWarning("Payment {Reference}: provider {Provider} is not configured here, so its refund cannot be confirmed", payment.Reference, payment.Provider);
            return null;
        }

        try
        {
            return payment.ProviderRefundId is { } refundId
                ? await gateway.GetRefundAsync(refundId, cancellationToken)
                : GatewayRefundState.Standing(await gateway.FindRefundsAsync(payment.Reference, cancellationToken));
        }
        catch (PaymentGatewayException ex)
        {
            logger.LogWarning(ex, "Payment {Reference}: the provider could not be asked about its refund; asked again later", payment.Reference);
            return null;
        }
    }
}
