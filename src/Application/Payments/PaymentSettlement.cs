using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Inventory;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments;

/// <summary>
/// What a payment's outcome does to the claim, the stock, the wallet and the bookings — in the caller's
/// transaction, through the Payment and Claim state machines, so notices may arrive twice or in any order. Captured
/// money always ends as a booking, a wallet credit or a refund (invariant 8). The stock it moves is moved last, by
/// <see cref="SaveAndCommitAsync"/>: every booking and release touches the ticket type's row that every claim of the
/// on-sale updates, and PostgreSQL keeps it locked until COMMIT.
/// </summary>
public sealed class PaymentSettlement(
    IApplicationDbContext context,
    IClaimRows claims,
    IInventory inventory,
    IWalletLedger wallets,
    IIdentityService identity,
    ClaimRules rules,
    StockGate gate,
    TimeProvider timeProvider,
    ILogger<PaymentSettlement> logger)
{
    private readonly List<(Claim Claim, bool Sold)> _stockMoves = [];

    // A late payment's retake already holds the ticket type's row; waiting for the gate then would wait on the very
    // claims that wait on that row — a deadlock PostgreSQL cannot see.
    private bool _holdsStockRows;

    /// <summary>
    /// Saves, then moves the stock of the claims settled here — held to sold for a booking, held back to free for a
    /// failed payment — and commits, through the event's <see cref="StockGate"/>: the hot row is locked
    /// from those updates to the commit only.
    /// </summary>
    public async Task SaveAndCommitAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        // One settlement serves a whole verification batch: what this transaction held must not follow the next one,
        // however this one ends.
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            if (_stockMoves.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            using (_holdsStockRows ? default(StockGate.Pass?) : await gate.EnterAsync(_stockMoves[0].Claim.EventId, cancellationToken))
            {
                foreach (var (claim, sold) in _stockMoves)
                {
                    if (sold)
                    {
                        await inventory.ConfirmAsync(claim.Id, claim.StockLines, cancellationToken);
                    }
                    else
                    {
                        await inventory.ReleaseAsync(claim.Id, claim.StockLines, cancellationToken);
                    }
                }

                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _stockMoves.Clear();
            _holdsStockRows = false;
        }
    }

    /// <summary>The card part was captured (or the wallet paid everything).</summary>
    public async Task CapturedAsync(Payment payment, long amount, string currency, string transactionId, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (payment.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded)
        {
            return;
        }

        if (!payment.Matches(amount, currency))
        {
            payment.Flag($"Captured {amount} {currency}; expected {payment.CardAmount} {payment.Currency}. Not applied.");
            logger.LogError("Payment {Reference}: gateway captured {Amount} {Currency}, expected {Expected} {ExpectedCurrency}; flagged, not applied",
                payment.Reference, amount, currency, payment.CardAmount, payment.Currency);
            return;
        }

        var givenUp = payment.Status == PaymentStatus.Failed;
        if (payment.Purpose == PaymentPurpose.WalletTopUp)
        {
            payment.Succeed(timeProvider.GetUtcNow(), transactionId);
            var wallet = await wallets.WalletOfAsync(payment.CustomerId, payment.Currency, cancellationToken);
            await wallets.CreditAsync(wallet, payment.Amount, "Top-up", $"topup:{payment.Id}", cancellationToken);
            return;
        }

        // Locked before anything is decided, so a new payment for the claim cannot start while this one settles.
        await claims.LockAsync(payment.ClaimId!.Value, cancellationToken);
        var superseded = givenUp && await AnotherPaymentIsActiveAsync(payment, cancellationToken);
        payment.Succeed(timeProvider.GetUtcNow(), transactionId);
        if (givenUp && (payment.WalletAmount > 0 || superseded))
        {
            // Given up earlier: its wallet part went back (the card part alone does not pay for the claim), or the
            // customer has paid again since, and that payment — not this one — is the claim's.
            logger.LogWarning("Payment {Reference}: card part captured after the payment was given up ({Why}); refunding",
                payment.Reference, superseded ? "another payment for the claim is under way or done" : "its wallet part was returned");
            await RefundAsync(payment, cancellationToken);
            return;
        }

        await ApplyToClaimAsync(payment, transaction, cancellationToken);
    }

    /// <summary>The card part failed: a pending claim is released and the wallet part comes back. A failure after a capture changes nothing.</summary>
    public async Task FailedAsync(Payment payment, string reason, CancellationToken cancellationToken)
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
            _stockMoves.Add((claim, Sold: false));
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
    public async Task<Booking> BookAsync(Claim claim, Payment payment, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (claim.Status == ClaimStatus.Pending)
        {
            claim.Confirm(now);
        }

        _stockMoves.Add((claim, Sold: true));
        var seatIds = claim.Items.SelectMany(i => i.SeatIds).ToList();
        var seatLabels = await context.EventSeats.AsNoTracking()
            .Where(s => seatIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => $"{s.Section} {s.Row} {s.Number}", cancellationToken);
        var customer = await identity.FindUserAsync(claim.CustomerId, cancellationToken);
        var booking = Booking.FromClaim(claim, payment, customer?.DisplayName ?? "Customer", customer?.Email, seatLabels, now);
        context.Bookings.Add(booking);
        return booking;
    }

    private async Task ApplyToClaimAsync(Payment payment, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var claim = await claims.LockAsync(payment.ClaimId!.Value, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {payment.Reference} names a claim that does not exist.");
        switch (claim.Status)
        {
            case ClaimStatus.Pending:
                await BookAsync(claim, payment, cancellationToken);
                break;
            case ClaimStatus.Expired or ClaimStatus.Released when await TryRetakeAsync(claim, payment, transaction, cancellationToken):
                claim.ConfirmAfterLatePayment(timeProvider.GetUtcNow());
                await BookAsync(claim, payment, cancellationToken);
                logger.LogInformation("Payment {Reference} arrived after its claim ended; the stock was still there, so it is booked", payment.Reference);
                break;
            default:
                logger.LogWarning("Payment {Reference} was captured for a claim that is {Status} and may not be taken again; refunding", payment.Reference, claim.Status);
                await RefundAsync(payment, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Takes the ended claim's exact stock again if a new claim for it would be accepted now — the sale is open, the
    /// customer stays within the limit, the queue's admission still holds — and it is all still free; else nothing (savepoint).
    /// </summary>
    private async Task<bool> TryRetakeAsync(Claim claim, Payment payment, IDbContextTransaction transaction, CancellationToken cancellationToken)
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

        if (await rules.HeldOrBoughtAsync(claim.EventId, claim.CustomerId, cancellationToken) + claim.Quantity > @event.MaxTicketsPerCustomer)
        {
            logger.LogInformation("Payment {Reference}: taking the claim again would pass the per-customer limit", payment.Reference);
            return false;
        }

        await transaction.CreateSavepointAsync("retake", cancellationToken);
        _holdsStockRows = true;
        var seatIds = claim.Items.SelectMany(i => i.SeatIds).ToList();
        var taken = seatIds.Count == 0 || await inventory.HoldSeatsAsync(claim.EventId, claim.Id, seatIds, cancellationToken) == seatIds.Count;
        foreach (var item in claim.Items)
        {
            taken = taken && await inventory.TryHoldAsync(item.TicketTypeId, item.Quantity, cancellationToken) is not null;
        }

        if (!taken)
        {
            // PostgreSQL releases the locks taken after a savepoint when it is rolled back to, row locks included
            // (the rows' locker is the aborted subtransaction): a failed retake holds no stock row, so this
            // transaction's stock moves, if any, must queue at the gate like any other.
            await transaction.RollbackToSavepointAsync("retake", cancellationToken);
            _holdsStockRows = false;
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
