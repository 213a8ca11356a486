using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Payments;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Payments.Commands.ReceivePaymentWebhook;

/// <summary>
/// A gateway's notice, exactly as received. Its provider's adapter checks the signature on the raw bytes (401, nothing
/// changes) and says what the notice means; the notice is recorded in the inbox so a redelivery does nothing; then it
/// is applied through the state machines, all in one transaction. Returns what happened, for the log.
/// </summary>
public sealed record ReceivePaymentWebhookCommand(string Provider, GatewayWebhook Webhook) : IRequest<string>;

public sealed class ReceivePaymentWebhookCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IPaymentGateways gateways,
    IWebhookInbox inbox,
    PaymentSettlement settlement,
    WalletRefunds walletRefunds,
    TimeProvider timeProvider,
    ILogger<ReceivePaymentWebhookCommandHandler> logger) : IRequestHandler<ReceivePaymentWebhookCommand, string>
{
    public async Task<string> Handle(ReceivePaymentWebhookCommand request, CancellationToken cancellationToken)
    {
        var gateway = gateways.Find(request.Provider) ?? throw new NotFoundException("Payment provider");
        var notice = gateway.ReadNotice(request.Webhook)
            ?? throw new UnauthenticatedException(Errors.InvalidSignature, "The webhook signature does not match its body.");

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        if (!await inbox.TryRecordAsync(gateway.Name, notice.Event, notice.ProviderId, notice.Reference, System.Text.Encoding.UTF8.GetString(request.Webhook.Body), cancellationToken))
        {
            return "duplicate";
        }

        var payment = notice.Reference is null
            ? null
            : await context.Payments.SingleOrDefaultAsync(p => p.Reference == notice.Reference && p.Provider == gateway.Name, cancellationToken);
        if (payment is null)
        {
            // Recorded, so it is not re-processed; nothing of ours to apply it to.
            logger.LogWarning("Webhook {Event} from {Provider} for unknown reference {Reference}", notice.Event, gateway.Name, notice.Reference);
            await transaction.CommitAsync(cancellationToken);
            return "unknown reference";
        }

        var moves = new StockMoves();
        var outcome = notice.Kind switch
        {
            PaymentNoticeKind.Captured => await CapturedAsync(payment, notice, moves, cancellationToken),
            PaymentNoticeKind.ChargeFailed => await FailedAsync(payment, notice, moves, cancellationToken),
            PaymentNoticeKind.Refunded => await RefundedAsync(payment, notice, cancellationToken),
            PaymentNoticeKind.RefundFailed => await RefundFailedAsync(payment, cancellationToken),
            _ => "ignored",
        };
        await settlement.SaveAndCommitAsync(transaction, moves, cancellationToken);
        logger.LogInformation("Webhook {Event} for payment {Reference}: {Outcome}", notice.Event, payment.Reference, outcome);
        return outcome;
    }

    private async Task<string> CapturedAsync(Payment payment, PaymentNotice notice, StockMoves moves, CancellationToken cancellationToken)
    {
        await settlement.CapturedAsync(payment, notice.Amount, notice.Currency, notice.ProviderId, moves, cancellationToken);
        return payment.FlaggedReason is null ? "captured" : "flagged";
    }

    private async Task<string> FailedAsync(Payment payment, PaymentNotice notice, StockMoves moves, CancellationToken cancellationToken)
    {
        await settlement.FailedAsync(payment, $"The card charge failed ({notice.Status}).", moves, cancellationToken);
        return "failed";
    }

    /// <summary>
    /// Only captured money can have been refunded; any other notice is recorded and left alone, never retried. A card
    /// refund that completes after the card part went to the wallet paid the customer twice: it is flagged, not absorbed.
    /// </summary>
    private async Task<string> RefundedAsync(Payment payment, PaymentNotice notice, CancellationToken cancellationToken)
    {
        if (payment.Status is not (PaymentStatus.Succeeded or PaymentStatus.Refunded))
        {
            logger.LogWarning("Refund notice for payment {Reference}, which is {Status}; ignored", payment.Reference, payment.Status);
            return "ignored";
        }

        if (payment.Status == PaymentStatus.Refunded && await walletRefunds.CreditedAsync(payment, cancellationToken))
        {
            payment.RecordRefundedTwice(notice.ProviderId, timeProvider.GetUtcNow());
            logger.LogError("Payment {Reference}: {Provider} completed card refund {RefundId} after the card part had been credited to the wallet; the customer was refunded twice",
                payment.Reference, payment.Provider, notice.ProviderId);
            return "refunded twice";
        }

        // The refund notice's id is the refund's: recorded, so a refund request still in the outbox is not sent again.
        payment.RecordRefundAccepted(notice.ProviderId, timeProvider.GetUtcNow());
        payment.MarkRefunded(timeProvider.GetUtcNow());
        return "refunded";
    }

    /// <summary>
    /// The gateway could not return the card money, which still has to go back: it goes to the wallet (ADR 12), once
    /// (one ledger reference per payment). After the refund completed — notices out of order — nothing moves.
    /// </summary>
    private async Task<string> RefundFailedAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (payment.Status != PaymentStatus.Succeeded || payment.RefundRequestedAt is null)
        {
            logger.LogWarning("Refund failure notice for payment {Reference}, which is {Status} with no refund waiting; ignored", payment.Reference, payment.Status);
            return "ignored";
        }

        await walletRefunds.CreditCardPartAsync(payment, "Refund (the card refund failed)", cancellationToken);
        logger.LogWarning("Payment {Reference}: the card refund failed; credited the wallet instead", payment.Reference);
        return "credited to wallet";
    }
}
