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
/// else, and a refund it already took is never asked for, or credited, again.
/// </summary>
public sealed class ExecuteRequestedRefund(
    IApplicationDbContext context,
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
        var refund = await gateway.RefundAsync(payment.Reference, payment.CardAmount, payment.Currency, cancellationToken);
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
                await using (var transaction = await context.BeginTransactionAsync(cancellationToken))
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

    /// <summary>Whether the charge is no longer captured at the provider, so a wallet credit would pay the customer twice.</summary>
    private static async Task<bool> AlreadyReversedAsync(IPaymentGateway gateway, Payment payment, CancellationToken cancellationToken) =>
        (await gateway.VerifyAsync(payment.Reference, cancellationToken)).Status == GatewayChargeStatus.Failed;
}
