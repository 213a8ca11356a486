using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments;

/// <summary>
/// Asks the provider what became of a pending card payment, for when its webhook never came, and applies the answer
/// as the webhook would have (ADR 0013): a capture through <see cref="PaymentSettlement.CapturedAsync"/> — a late one
/// obeys the claim rules, or is refunded — and a failure as a failure. Each payment is asked outside any transaction
/// (the provider is slow and external) and settled in its own. A provider that cannot be asked, or says the charge is
/// still under way, leaves the payment pending: a payment is given up only when nothing can still capture it — so
/// "abandoned" (a checkout not completed) fails a claim's payment only once its claim and card grace are over.
/// </summary>
public sealed class PaymentVerification(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IPaymentGateways gateways,
    PaymentSettlement settlement,
    IOptions<PaymentOptions> options,
    TimeProvider timeProvider,
    ILogger<PaymentVerification> logger)
{
    /// <summary>Verifies the pending payments of claims that just ended; the number the provider answered for.</summary>
    public async Task<int> VerifyPaymentsOfAsync(IReadOnlyCollection<Guid> endedClaimIds, CancellationToken cancellationToken)
    {
        var pending = await context.Payments.AsNoTracking()
            .Where(p => p.ClaimId != null && endedClaimIds.Contains(p.ClaimId.Value) && p.Status == PaymentStatus.Pending)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var answered = 0;
        foreach (var paymentId in pending)
        {
            answered += await VerifyAsync(paymentId, cancellationToken) ? 1 : 0;
        }

        return answered;
    }

    /// <summary>Asks about one pending card payment and applies the answer; false when the provider could not be asked.</summary>
    public async Task<bool> VerifyAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await context.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
        if (payment.Status != PaymentStatus.Pending)
        {
            return false;
        }

        // Recorded before asking, whatever the answer, so a payment the provider cannot settle goes to the back of the sweep.
        payment.RecordVerificationAsked(timeProvider.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        if (await AskAsync(payment, cancellationToken) is not { } answer)
        {
            return false;
        }

        await SettleAsync(paymentId, answer, giveUpUnlessCaptured: payment.CheckoutUrl is null, cancellationToken);
        return true;
    }

    /// <summary>
    /// The checkout could not be started: unless the provider says it captured the charge after all, the payment is
    /// given up — the customer was never handed a checkout, so nothing can capture it later. The claim stays whatever
    /// the provider says (ADR 0013): a start that reached it and lost its answer reads "abandoned", and the customer
    /// must be able to try again. True when it was captured.
    /// </summary>
    public async Task<bool> GiveUpUnstartedAsync(Payment payment, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(payment, cancellationToken) ?? new GatewayVerification(GatewayChargeStatus.Pending, 0, string.Empty, null);
        await SettleAsync(payment.Id, answer, giveUpUnlessCaptured: true, cancellationToken);
        return answer.Status == GatewayChargeStatus.Succeeded;
    }

    private async Task<GatewayVerification?> AskAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (payment.Provider is null || gateways.Find(payment.Provider) is not { } gateway)
        {
            logger.LogWarning("Payment {Reference}: provider {Provider} is not configured here, so it cannot be verified", payment.Reference, payment.Provider);
            return null;
        }

        try
        {
            return await gateway.VerifyAsync(payment.Reference, cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            logger.LogWarning(ex, "Payment {Reference}: the provider could not be asked about it; it stays pending and is verified again later", payment.Reference);
            return null;
        }
    }

    private async Task SettleAsync(Guid paymentId, GatewayVerification answer, bool giveUpUnlessCaptured, CancellationToken cancellationToken)
    {
        // Fresh rows: the caller's own transaction may have left the claim or the payment tracked as it was then.
        context.DiscardTrackedChanges();
        await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
        {
            var payment = await context.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
            var moves = new StockMoves();
            switch (answer.Status)
            {
                case GatewayChargeStatus.Succeeded:
                    await settlement.CapturedAsync(payment, answer.Amount, answer.Currency, answer.TransactionId ?? payment.Reference, moves, cancellationToken);
                    break;
                case not GatewayChargeStatus.Succeeded when giveUpUnlessCaptured && payment.Status == PaymentStatus.Pending:
                    await settlement.AbandonAsync(payment, "The payment provider could not start the checkout.", cancellationToken);
                    break;
                case GatewayChargeStatus.Failed:
                    await settlement.FailedAsync(payment, "The payment provider reports that the charge failed.", moves, cancellationToken);
                    break;
                case GatewayChargeStatus.Abandoned when !await CheckoutMayStillCompleteAsync(payment, cancellationToken):
                    await settlement.FailedAsync(payment, "The checkout was not completed.", moves, cancellationToken);
                    break;
            }

            await settlement.SaveAndCommitAsync(transaction, moves, cancellationToken);
            logger.LogInformation("Payment {Reference}: the provider says {Answer}; the payment is {Status}", payment.Reference, answer.Status, payment.Status);
        }
    }

    /// <summary>While its claim holds the tickets (and the card grace after), a customer at the checkout can still pay.</summary>
    private async Task<bool> CheckoutMayStillCompleteAsync(Payment payment, CancellationToken cancellationToken)
    {
        var heldUntil = timeProvider.GetUtcNow() - options.Value.CardGrace;
        return payment.ClaimId is { } claimId
            && await context.Claims.AnyAsync(c => c.Id == claimId && c.Status == ClaimStatus.Pending && c.ExpiresAt > heldUntil, cancellationToken);
    }
}
