namespace Ticketing.Application.Common.Interfaces;

/// <summary>A card payment provider: Paystack, or the built-in simulated one in Development.</summary>
public interface IPaymentGateway
{
    /// <summary>The provider's name in webhook URLs and on payments: "paystack", "simulated".</summary>
    string Name { get; }

    /// <summary>Starts a card charge; the customer completes it at the returned checkout URL.</summary>
    Task<GatewayCheckout> InitializeAsync(GatewayCharge charge, CancellationToken cancellationToken);

    /// <summary>Asks the provider what became of a charge (for when its webhook never came).</summary>
    Task<GatewayVerification> VerifyAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Gives captured money back. <see cref="GatewayRefundOutcome.NotSupported"/> means: credit the wallet instead.</summary>
    Task<GatewayRefund> RefundAsync(string reference, long amount, string currency, CancellationToken cancellationToken);

    /// <summary>The refunds the provider holds for a charge (by our reference), for when an earlier request's answer was lost.</summary>
    Task<IReadOnlyList<GatewayRefundState>> FindRefundsAsync(string reference, CancellationToken cancellationToken);

    /// <summary>What became of one refund the provider took, for when its confirmation never came; null if it does not know the id.</summary>
    Task<GatewayRefundState?> GetRefundAsync(string refundId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one of the provider's webhooks: null when it is not signed by the provider (nothing in it can be believed);
    /// a <see cref="Exceptions.ValidationException"/> when its body is not one of the provider's notices.
    /// </summary>
    PaymentNotice? ReadNotice(GatewayWebhook webhook);
}

/// <param name="Amount">Minor units.</param>
public sealed record GatewayCharge(string Reference, long Amount, string Currency, string CustomerEmail);

public sealed record GatewayCheckout(string CheckoutUrl);

/// <param name="Amount">Minor units.</param>
public sealed record GatewayVerification(GatewayChargeStatus Status, long Amount, string Currency, string? TransactionId);

public enum GatewayChargeStatus
{
    /// <summary>Not finished yet (or the provider does not know the reference).</summary>
    Pending,
    Succeeded,
    Failed,

    /// <summary>
    /// The checkout was opened and not completed — yet: a customer still at it may still pay, so this is final only
    /// once nothing can capture the charge any more (the claim has ended and its card grace is over).
    /// </summary>
    Abandoned,
}

/// <param name="RefundId">The provider's id for the refund it took (Accepted or Completed), when it gives one.</param>
public sealed record GatewayRefund(GatewayRefundOutcome Outcome, string? RefundId = null);

public enum GatewayRefundOutcome
{
    /// <summary>The provider took the refund; it confirms with a refund.processed webhook.</summary>
    Accepted,

    /// <summary>The provider refunded at once.</summary>
    Completed,

    /// <summary>The provider cannot refund this charge.</summary>
    NotSupported,
}

public sealed record GatewayRefundState(string RefundId, GatewayRefundStatus Status)
{
    /// <summary>
    /// Of a charge's refunds, the one that decides what the customer got back: a processed one, else one still
    /// pending, else a failed one — a failed attempt listed beside a processed one must never lead to a wallet credit.
    /// </summary>
    public static GatewayRefundState? Standing(IEnumerable<GatewayRefundState> refunds) =>
        refunds.OrderBy(r => r.Status switch { GatewayRefundStatus.Processed => 0, GatewayRefundStatus.Pending => 1, _ => 2 }).FirstOrDefault();
}

public enum GatewayRefundStatus
{
    /// <summary>Taken and not finished (pending, processing, queued…).</summary>
    Pending,
    Processed,
    Failed,
}

/// <summary>The configured providers: the default one for new card payments, and each by name for its webhooks.</summary>
public interface IPaymentGateways
{
    IPaymentGateway Default { get; }

    IPaymentGateway? Find(string name);
}

/// <summary>The provider could not be reached or refused the request; nothing was charged. Surfaces as 503.</summary>
public sealed class PaymentGatewayException(string message, Exception? inner = null) : Exception(message, inner);
