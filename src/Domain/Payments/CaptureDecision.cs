using Ticketing.Domain.Claims;

namespace Ticketing.Domain.Payments;

/// <summary>What a captured payment becomes. Captured money always ends as a booking, a wallet credit or a refund (invariant 8).</summary>
public enum CaptureOutcome
{
    /// <summary>An earlier notice settled it: nothing changes, so notices may come twice.</summary>
    AlreadySettled,

    /// <summary>The gateway captured another amount or currency than was asked: kept for a person to look at, not applied.</summary>
    Flag,

    /// <summary>A wallet top-up: the wallet is credited.</summary>
    CreditWallet,

    /// <summary>A claim payment: what it becomes is its claim's to decide (<see cref="CaptureDecision.ForClaim"/>).</summary>
    ApplyToClaim,

    /// <summary>The money goes back, wallet part and card part.</summary>
    Refund,

    /// <summary>The claim still holds its stock: it becomes a booking.</summary>
    Book,

    /// <summary>The claim ended, but a new claim for its stock would be accepted now: take the stock again, then book — or refund if it is gone.</summary>
    RetakeThenBook,
}

/// <summary>
/// The rules of a capture, apart from the reads and writes they need. In two steps because the second needs the claim
/// locked, and locking it is for claim payments only.
/// </summary>
public static class CaptureDecision
{
    /// <summary>What the capture of <paramref name="amount"/> <paramref name="currency"/> alone decides.</summary>
    public static CaptureOutcome Of(Payment payment, long amount, string currency) =>
        payment.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded ? CaptureOutcome.AlreadySettled
        : !payment.Matches(amount, currency) ? CaptureOutcome.Flag
        : payment.Purpose == PaymentPurpose.WalletTopUp ? CaptureOutcome.CreditWallet
        : CaptureOutcome.ApplyToClaim;

    /// <summary>
    /// What a matching capture does to its claim, decided before the payment is marked succeeded.
    /// <paramref name="superseded"/>: another payment for the claim is under way or kept. <paramref name="stockRetakable"/>:
    /// a new claim for the ended claim's stock would be accepted now (sale open, within the limit, admission still valid).
    /// </summary>
    public static CaptureOutcome ForClaim(Payment payment, ClaimStatus claim, bool superseded, bool stockRetakable)
    {
        // Given up earlier, its wallet part went back (the card part alone does not pay for the claim), or the customer
        // has paid again since, and that payment — not this one — is the claim's.
        if (payment.Status == PaymentStatus.Failed && (payment.WalletAmount > 0 || superseded))
        {
            return CaptureOutcome.Refund;
        }

        return claim switch
        {
            ClaimStatus.Pending => CaptureOutcome.Book,
            ClaimStatus.Expired or ClaimStatus.Released when stockRetakable => CaptureOutcome.RetakeThenBook,
            _ => CaptureOutcome.Refund,
        };
    }
}
