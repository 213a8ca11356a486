using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Inventory;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments;

/// <summary>
/// What a payment's outcome does to the claim, the stock, the wallet and the bookings — in the caller's
/// transaction, through the Payment and Claim state machines, so notices may arrive twice or in any order. What a
/// capture becomes is <see cref="CaptureDecision"/>'s; this does the reads and writes it needs. It keeps no state: the
/// stock it moves goes into the caller's <see cref="StockMoves"/>, moved last by <see cref="SaveAndCommitAsync"/>.
/// </summary>
public sealed class PaymentSettlement(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IClaimRows claims,
    IInventory inventory,
    IWalletLedger wallets,
    IIdentityService identity,
    ClaimRules rules,
    EventAvailability availability,
    TimeProvider timeProvider,
    ILogger<PaymentSettlement> logger)
{
    /// <summary>
    /// Saves, then moves the stock — held to sold for a booking, held back to free for a failed payment — and commits:
    /// the seats first, then the hot ticket-type rows with the commit (<see cref="IUnitOfWorkTransaction.CommitAfterAsync"/>),
    /// so they are locked for those round trips only.
    /// </summary>
    public async Task SaveAndCommitAsync(IUnitOfWorkTransaction transaction, StockMoves moves, CancellationToken cancellationToken)
    {
        await context.SaveChangesAsync(cancellationToken);
        foreach (var (claim, sold) in moves.All)
        {
            if (sold)
            {
                await inventory.SellHeldSeatsAsync(claim.Id, cancellationToken);
            }
            else
            {
                await inventory.FreeHeldSeatsAsync(claim.Id, cancellationToken);
                availability.FollowAfterCommit(claim.EventId);
            }
        }

        await transaction.CommitAfterAsync(
            () =>
            {
                foreach (var (claim, sold) in moves.All)
                {
                    inventory.MoveHeld(claim.StockLines, sold);
                }
            },
            cancellationToken);
    }

    /// <summary>The card part was captured (or the wallet paid everything).</summary>
    public async Task CapturedAsync(Payment payment, long amount, string currency, string transactionId, StockMoves moves, CancellationToken cancellationToken)
    {
        switch (CaptureDecision.Of(payment, amount, currency))
        {
            case CaptureOutcome.AlreadySettled:
                return;
            case CaptureOutcome.Flag:
                payment.Flag($"Captured {amount} {currency}; expected {payment.CardAmount} {payment.Currency}. Not applied.");
                logger.LogError("Payment {Reference}: gateway captured {Amount} {Currency}, expected {Expected} {ExpectedCurrency}; flagged, not applied",
                    payment.Reference, amount, currency, payment.CardAmount, payment.Currency);
                return;
            case CaptureOutcome.CreditWallet:
                payment.Succeed(timeProvider.GetUtcNow(), transactionId);
                var wallet = await wallets.WalletOfAsync(payment.CustomerId, payment.Currency, cancellationToken);
                await wallets.CreditAsync(wallet, payment.Amount, "Top-up", $"topup:{payment.Id}", cancellationToken);
                return;
        }

        // Locked before anything is decided, so a new payment for the claim cannot start while this one settles.
        var claim = await claims.LockAsync(payment.ClaimId!.Value, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {payment.Reference} names a claim that does not exist.");
        var givenUp = payment.Status == PaymentStatus.Failed;
        var superseded = givenUp && await AnotherPaymentIsActiveAsync(payment, cancellationToken);
        var retakable = claim.Status is ClaimStatus.Expired or ClaimStatus.Released && await MayRetakeAsync(claim, payment, cancellationToken);
        var outcome = CaptureDecision.ForClaim(payment, claim.Status, superseded, retakable);
        payment.Succeed(timeProvider.GetUtcNow(), transactionId);
        switch (outcome)
        {
            case CaptureOutcome.Book:
                await BookAsync(claim, payment, moves, cancellationToken);
                break;
            case CaptureOutcome.RetakeThenBook when await TryRetakeAsync(claim, cancellationToken):
                claim.ConfirmAfterLatePayment(timeProvider.GetUtcNow());
                await BookAsync(claim, payment, moves, cancellationToken);
                logger.LogInformation("Payment {Reference} arrived after its claim ended; the stock was still there, so it is booked", payment.Reference);
                break;
            case CaptureOutcome.Refund when givenUp && (payment.WalletAmount > 0 || superseded):
                logger.LogWarning("Payment {Reference}: card part captured after the payment was given up ({Why}); refunding",
                    payment.Reference, superseded ? "another payment for the claim is under way or done" : "its wallet part was returned");
                await RefundAsync(payment, cancellationToken);
                break;
            default:
                logger.LogWarning("Payment {Reference} was captured for a claim that is {Status} and may not be taken again; refunding", payment.Reference, claim.Status);
                await RefundAsync(payment, cancellationToken);
                break;
        }
    }

    /// <summary>The card part failed: a pending claim is released and the wallet part comes back. A failure after a capture changes nothing.</summary>
    public async Task FailedAsync(Payment payment, string reason, StockMoves moves, CancellationToken cancellationToken)
    {
        if (payment.Status != PaymentStatus.Pending)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        payment.Fail(now, reason);
        await ReturnWalletPartAsync(payment, cancellationToken);
        if (payment.ClaimId is { } claimId && await claims.LockAsync(claimId, cancellationToken) is { Status: ClaimStatus.Pending } claim)
        {
            claim.Release(now);
            moves.Release(claim);
        }
    }

    /// <summary>The card part never started (the provider was down): the wallet part comes back, the claim stays for another try.</summary>
    public async Task AbandonAsync(Payment payment, string reason, CancellationToken cancellationToken)
    {
        payment.Fail(timeProvider.GetUtcNow(), reason);
        await ReturnWalletPartAsync(payment, cancellationToken);
    }

    /// <summary>Gives back everything the payment took: the wallet part at once, the card part through the gateway.</summary>
    public async Task RefundAsync(Payment payment, CancellationToken cancellationToken)
    {
        await ReturnWalletPartAsync(payment, cancellationToken);
        if (payment.NeedsCard)
        {
            payment.RequestRefund(timeProvider.GetUtcNow());
        }
        else
        {
            payment.MarkRefunded(timeProvider.GetUtcNow());
        }
    }

    /// <summary>A paid claim becomes a booking: held stock becomes sold (at <see cref="SaveAndCommitAsync"/>), and each unit or seat a ticket.</summary>
    public async Task BookAsync(Claim claim, Payment payment, StockMoves moves, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (claim.Status == ClaimStatus.Pending)
        {
            claim.Confirm(now);
        }

        moves.Sell(claim);
        var seatIds = claim.Items.SelectMany(i => i.SeatIds).ToList();
        var seatLabels = await context.EventSeats.AsNoTracking()
            .Where(s => seatIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => $"{s.Section} {s.Row} {s.Number}", cancellationToken);
        var customer = await identity.FindUserAsync(claim.CustomerId, cancellationToken);
        context.Bookings.Add(Booking.FromClaim(claim, payment, customer?.DisplayName ?? "Customer", customer?.Email, seatLabels, now));
    }

    /// <summary>
    /// Whether a new claim for the ended claim's stock would be accepted now: the sale is open, the customer stays
    /// within the limit, the queue's admission still holds. Whether the stock is all still free is for the retake.
    /// </summary>
    private async Task<bool> MayRetakeAsync(Claim claim, Payment payment, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var @event = await context.Events.AsNoTracking().SingleAsync(e => e.Id == claim.EventId, cancellationToken);
        if (!@event.IsSellingAt(now))
        {
            return false;
        }

        await rules.LockCustomerAsync(claim.EventId, claim.CustomerId, cancellationToken);
        if (await rules.NeedsAdmissionAsync(@event, cancellationToken) && !await AdmissionAdmitsLatePaymentAsync(claim, now, cancellationToken))
        {
            logger.LogInformation("Payment {Reference}: the claim's admission window has closed, so its stock stays with the queue", payment.Reference);
            return false;
        }

        if (!@event.IsWithinLimit(await rules.HeldOrBoughtAsync(claim.EventId, claim.CustomerId, cancellationToken), claim.Quantity))
        {
            logger.LogInformation("Payment {Reference}: taking the claim again would pass the per-customer limit", payment.Reference);
            return false;
        }

        return true;
    }

    /// <summary>Takes the ended claim's exact stock again if it is all still free; else nothing (savepoint).</summary>
    private async Task<bool> TryRetakeAsync(Claim claim, CancellationToken cancellationToken)
    {
        await unitOfWork.SavepointAsync("retake", cancellationToken);
        var seatIds = claim.Items.SelectMany(i => i.SeatIds).ToList();
        var taken = seatIds.Count == 0 || await inventory.HoldSeatsAsync(claim.EventId, claim.Id, seatIds, cancellationToken) == seatIds.Count;
        foreach (var item in claim.Items)
        {
            taken = taken && await inventory.TryHoldAsync(item.TicketTypeId, item.Quantity, cancellationToken) is not null;
        }

        if (taken)
        {
            availability.FollowAfterCommit(claim.EventId);
        }
        else
        {
            // PostgreSQL releases the locks taken after a savepoint when it is rolled back to, row locks included.
            await unitOfWork.RollbackToSavepointAsync("retake", cancellationToken);
        }

        return taken;
    }

    private async Task<bool> AdmissionAdmitsLatePaymentAsync(Claim claim, DateTimeOffset now, CancellationToken cancellationToken) =>
        claim.QueueEntryId is { } entryId
        && await context.QueueEntries.AsNoTracking().SingleOrDefaultAsync(q => q.Id == entryId, cancellationToken) is { } entry
        && entry.AdmitsLatePaymentAt(now);

    /// <summary>Another payment for the same claim that is under way or kept (not being given back).</summary>
    private Task<bool> AnotherPaymentIsActiveAsync(Payment payment, CancellationToken cancellationToken) =>
        context.Payments.AnyAsync(
            p => p.ClaimId == payment.ClaimId && p.Id != payment.Id
                 && (p.Status == PaymentStatus.Pending || (p.Status == PaymentStatus.Succeeded && p.RefundRequestedAt == null)),
            cancellationToken);

    private async Task ReturnWalletPartAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (payment.WalletAmount == 0)
        {
            return;
        }

        var wallet = await wallets.WalletOfAsync(payment.CustomerId, payment.Currency, cancellationToken);
        await wallets.CreditAsync(wallet, payment.WalletAmount, "Payment not completed: wallet part returned", $"payment:{payment.Id}:wallet-return", cancellationToken);
    }
}
