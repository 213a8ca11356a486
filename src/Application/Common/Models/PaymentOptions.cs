namespace Ticketing.Application.Common.Models;

/// <summary>Payment rules that are settings (section "Payments").</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>A claim whose card payment is under way is kept this long past its TTL before it expires.</summary>
    public int CardGraceMinutes { get; set; } = 5;

    /// <summary>The currency of the wallet every account gets at registration (others open on first credit).</summary>
    public string WalletCurrency { get; set; } = "USD";

    /// <summary>
    /// A wallet top-up still pending this long after it started is verified with the provider, in case its webhook was
    /// lost. A claim's payment is verified when its claim ends (or is past its end and <see cref="CardGraceMinutes"/>)
    /// instead: a claim may live up to 30 minutes, and its customer may be at the checkout all that time.
    /// </summary>
    public int VerifyPendingAfterMinutes { get; set; } = 20;

    /// <summary>
    /// A card refund the provider took and has not confirmed (no refund.processed or refund.failed) this long after is
    /// asked about by the refund sweeper, and counted stale by the money audit.
    /// </summary>
    public int RefundConfirmAfterMinutes { get; set; } = 60;

    public TimeSpan RefundConfirmAfter => TimeSpan.FromMinutes(RefundConfirmAfterMinutes);

    public TimeSpan CardGrace => TimeSpan.FromMinutes(CardGraceMinutes);

    public TimeSpan VerifyPendingAfter => TimeSpan.FromMinutes(VerifyPendingAfterMinutes);
}
