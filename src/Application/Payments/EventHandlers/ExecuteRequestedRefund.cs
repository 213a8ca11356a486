using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments.EventHandlers;

/// <summary>
/// Sends a requested refund to the gateway, from the outbox (so a provider outage only delays it: the dispatcher
/// retries money-moving messages for as long as it takes). A provider that cannot refund means a wallet credit
/// instead — the money still goes back. The message may be delivered more than once (a worker dies between the
/// gateway's answer and marking it done, the sweeper asks again), so the gateway's acceptance is saved before anything
/// else, and a refund it already took is never asked for, or credited, again. The answer itself can be lost (a
/// timeout, a crash before saving): each attempt is recorded before the call, and after an earlier one a refusal is
/// not trusted as "cannot refund" — the gateway is asked which refunds the charge already has (ADR 12).
/// </summary>
public sealed class ExecuteRequestedRefund(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IPaymentGateways gateways,
    WalletRefunds walletRefunds,
    TimeProvider timeProvider,
    ILogger<ExecuteRequestedRefund> logger) : INotificationHandler<DomainEventNotification<PaymentRefundRequestedEvent>>
{
    public async Task Handle(DomainEventNotification<PaymentRefundRequestedEvent> notification, CancellationToken cancellationToken)
    {
        var payment = await context.Payments.SingleAsync(p => p.Id == notification.DomainEvent.PaymentId, cancellationToken);
        if (payment.Status != PaymentStatus.Succeeded)
        {
            return;
        }

        if (payment.RefundAcceptedAt is not null)
        {
            logger.LogInformation("Payment {Reference}: refund {RefundId} already taken by {Provider}; not asked again", payment.Reference, payment.ProviderRefundId, payment.Provider);
            return;
        }

        var gateway = gateways.Find(payment.Provider!)
            ?? throw new InvalidOperationException($"Payment {payment.Reference} was taken by {payment.Provider}, which is not configured here.");
        var attemptedBefore = payment.RefundAttemptedAt is not null;
        payment.RecordRefundAttempt(timeProvider.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);

        var refund = await gateway.RefundAsync(payment.Reference, payment.CardAmount, payment.Currency, cancellationToken);
        if (refund.Outcome == GatewayRefundOutcome.NotSupported && attemptedBefore)
        {
            refund = await EarlierRefundAsync(gateway, payment, cancellationToken) ?? refund;
        }

        switch (refund.Outcome)
        {
            case GatewayRefundOutcome.Completed:
                payment.RecordRefundAccepted(refund.RefundId, timeProvider.GetUtcNow());
                payment.MarkRefunded(timeProvider.GetUtcNow());
                break;
            case GatewayRefundOutcome.Accepted:
                payment.RecordRefundAccepted(refund.RefundId, timeProvider.GetUtcNow());
                logger.LogInformation("Payment {Reference}: refund {RefundId} accepted by {Provider}; waiting for its confirmation", payment.Reference, refund.RefundId, gateway.Name);
                break;
            case GatewayRefundOutcome.NotSupported when await AlreadyReversedAsync(gateway, payment, cancellationToken):
                // An earlier attempt was accepted but its answer never reached us; the charge is reversed already.
                payment.MarkRefunded(timeProvider.GetUtcNow());
                logger.LogInformation("Payment {Reference}: the provider had already reversed the charge", payment.Reference);
                break;
            case GatewayRefundOutcome.NotSupported:
                await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
                {
                    await walletRefunds.CreditCardPartAsync(payment, "Refund (the card could not be refunded)", cancellationToken);
                    await context.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                logger.LogInformation("Payment {Reference}: the provider cannot refund; credited the wallet instead", payment.Reference);
                return;
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The refund an earlier attempt got the gateway to take, when its answer never reached us and the gateway now
    /// refuses another; null when the charge has none still standing (the refusal is then the gateway's real answer).
    /// </summary>
    private async Task<GatewayRefund?> EarlierRefundAsync(IPaymentGateway gateway, Payment payment, CancellationToken cancellationToken)
    {
        switch (GatewayRefundState.Standing(await gateway.FindRefundsAsync(payment.Reference, cancellationToken)))
        {
            case { Status: GatewayRefundStatus.Processed } processed:
                logger.LogWarning("Payment {Reference}: an earlier refund request was taken as {RefundId} and its answer lost; it is done", payment.Reference, processed.RefundId);
                return new GatewayRefund(GatewayRefundOutcome.Completed, processed.RefundId);
            case { Status: GatewayRefundStatus.Pending } pending:
                logger.LogWarning("Payment {Reference}: an earlier refund request was taken as {RefundId} and its answer lost; waiting for its confirmation", payment.Reference, pending.RefundId);
                return new GatewayRefund(GatewayRefundOutcome.Accepted, pending.RefundId);
            default:
                return null;
        }
    }

    /// <summary>Whether the charge is no longer captured at the provider, so a wallet credit would pay the customer twice.</summary>
    private static async Task<bool> AlreadyReversedAsync(IPaymentGateway gateway, Payment payment, CancellationToken cancellationToken) =>
        (await gateway.VerifyAsync(payment.Reference, cancellationToken)).Status == GatewayChargeStatus.Failed;
}
