using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Payments;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Payments.Commands.ReceivePaymentWebhook;

/// <summary>
/// A gateway's notice, exactly as received. The signature is checked on the raw bytes (401, nothing changes); the
/// notice is recorded in the inbox so a redelivery does nothing; then it is applied through the state machines, all
/// in one transaction. Returns what happened, for the log.
/// </summary>
public sealed record ReceivePaymentWebhookCommand(string Provider, byte[] Body, string? Signature) : IRequest<string>;

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
        if (!gateway.IsSignatureValid(request.Body, request.Signature))
        {
            throw new UnauthenticatedException(Errors.InvalidSignature, "The webhook signature does not match its body.");
        }

        var notice = GatewayNotice.Parse(request.Body);
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        if (!await inbox.TryRecordAsync(gateway.Name, notice.Event, notice.DataId, notice.Reference, System.Text.Encoding.UTF8.GetString(request.Body), cancellationToken))
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
        var outcome = notice.Event switch
        {
            "charge.success" => await CapturedAsync(payment, notice, moves, cancellationToken),
            "charge.failed" => await FailedAsync(payment, notice, moves, cancellationToken),
            "refund.processed" => await RefundedAsync(payment, notice, cancellationToken),
            "refund.failed" => await RefundFailedAsync(payment, cancellationToken),
            _ => "ignored",
        };
        await settlement.SaveAndCommitAsync(transaction, moves, cancellationToken);
        logger.LogInformation("Webhook {Event} for payment {Reference}: {Outcome}", notice.Event, payment.Reference, outcome);
        return outcome;
    }

    private async Task<string> CapturedAsync(Payment payment, GatewayNotice notice, StockMoves moves, CancellationToken cancellationToken)
    {
        await settlement.CapturedAsync(payment, notice.Amount, notice.Currency, notice.DataId, moves, cancellationToken);
        return payment.FlaggedReason is null ? "captured" : "flagged";
    }

    private async Task<string> FailedAsync(Payment payment, GatewayNotice notice, StockMoves moves, CancellationToken cancellationToken)
    {
        await settlement.FailedAsync(payment, $"The card charge failed ({notice.Status}).", moves, cancellationToken);
        return "failed";
    }

    /// <summary>
    /// Only captured money can have been refunded; any other notice is recorded and left alone, never retried. A card
    /// refund that completes after the card part went to the wallet paid the customer twice: it is flagged, not absorbed.
    /// </summary>
    private async Task<string> RefundedAsync(Payment payment, GatewayNotice notice, CancellationToken cancellationToken)
    {
        if (payment.Status is not (PaymentStatus.Succeeded or PaymentStatus.Refunded))
        {
            logger.LogWarning("Refund notice for payment {Reference}, which is {Status}; ignored", payment.Reference, payment.Status);
            return "ignored";
        }

        if (payment.Status == PaymentStatus.Refunded && await walletRefunds.CreditedAsync(payment, cancellationToken))
        {
            payment.RecordRefundedTwice(notice.DataId, timeProvider.GetUtcNow());
            logger.LogError("Payment {Reference}: {Provider} completed card refund {RefundId} after the card part had been credited to the wallet; the customer was refunded twice",
                payment.Reference, payment.Provider, notice.DataId);
            return "refunded twice";
        }

        // The refund notice's id is the refund's: recorded, so a refund request still in the outbox is not sent again.
        payment.RecordRefundAccepted(notice.DataId, timeProvider.GetUtcNow());
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

    /// <summary>The parts of Paystack's webhook body we act on: {"event", "data": {"id", "reference", "amount", "currency", "status"}}.</summary>
    private sealed record GatewayNotice(string Event, string DataId, string? Reference, long Amount, string Currency, string? Status)
    {
        public static GatewayNotice Parse(byte[] body)
        {
            try
            {
                var root = JsonDocument.Parse(body).RootElement;
                var data = root.GetProperty("data");
                return Bounded(new GatewayNotice(
                    root.GetProperty("event").GetString() ?? string.Empty,
                    data.GetProperty("id").ValueKind == JsonValueKind.Number ? data.GetProperty("id").GetRawText() : data.GetProperty("id").GetString() ?? string.Empty,
                    data.TryGetProperty("reference", out var reference) || data.TryGetProperty("transaction_reference", out reference) ? reference.GetString() : null,
                    data.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number ? amount.GetInt64() : 0,
                    data.TryGetProperty("currency", out var currency) ? currency.GetString() ?? string.Empty : string.Empty,
                    data.TryGetProperty("status", out var status) ? status.GetString() : null));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ValidationException("body", "The webhook body is not a payment notice: {\"event\", \"data\": {\"id\", \"reference\", \"amount\", \"currency\", \"status\"}}.");
            }
        }

        /// <summary>No provider sends longer values than the inbox stores (event 60, id and reference 100 characters).</summary>
        private static GatewayNotice Bounded(GatewayNotice notice)
        {
            var tooLong = notice.Event.Length > 60 ? "event" : notice.DataId.Length > 100 ? "data.id" : notice.Reference?.Length > 100 ? "data.reference" : null;
            return tooLong is null ? notice : throw new ValidationException(tooLong, "The value is longer than any payment provider sends.");
        }
    }
}
