using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments.EventHandlers;

/// <summary>
/// Sends a requested refund to the gateway, from the outbox (so a provider outage only delays it: the dispatcher
/// retries with backoff). A provider that cannot refund means a wallet credit instead — the money still goes back.
/// </summary>
public sealed class ExecuteRequestedRefund(
    IApplicationDbContext context,
    IPaymentGateways gateways,
    IWalletLedger wallets,
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

        var gateway = gateways.Find(payment.Provider!)
            ?? throw new InvalidOperationException($"Payment {payment.Reference} was taken by {payment.Provider}, which is not configured here.");
        var outcome = await gateway.RefundAsync(payment.Reference, payment.CardAmount, payment.Currency, cancellationToken);
        switch (outcome)
        {
            case GatewayRefundOutcome.Completed:
                payment.MarkRefunded(timeProvider.GetUtcNow());
                break;
            case GatewayRefundOutcome.NotSupported when await AlreadyReversedAsync(gateway, payment, cancellationToken):
                // An earlier attempt was accepted but its answer never reached us; the charge is reversed already.
                payment.MarkRefunded(timeProvider.GetUtcNow());
                logger.LogInformation("Payment {Reference}: the provider had already reversed the charge", payment.Reference);
                break;
            case GatewayRefundOutcome.NotSupported:
                await using (var transaction = await context.BeginTransactionAsync(cancellationToken))
                {
                    var wallet = await wallets.WalletOfAsync(payment.CustomerId, payment.Currency, cancellationToken);
                    await wallets.CreditAsync(wallet, payment.CardAmount, "Refund (the card could not be refunded)", $"refund:{payment.Id}", cancellationToken);
                    payment.MarkRefunded(timeProvider.GetUtcNow());
                    await context.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                logger.LogInformation("Payment {Reference}: the provider cannot refund; credited the wallet instead", payment.Reference);
                return;
            case GatewayRefundOutcome.Accepted:
                logger.LogInformation("Payment {Reference}: refund accepted by {Provider}; waiting for its confirmation", payment.Reference, gateway.Name);
                return;
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the charge is no longer captured at the provider, so a wallet credit would pay the customer twice.</summary>
    private static async Task<bool> AlreadyReversedAsync(IPaymentGateway gateway, Payment payment, CancellationToken cancellationToken) =>
        (await gateway.VerifyAsync(payment.Reference, cancellationToken)).Status == GatewayChargeStatus.Failed;
}
