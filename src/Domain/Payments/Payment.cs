using Ticketing.Domain.Common;

namespace Ticketing.Domain.Payments;

/// <summary>
/// Money asked of a customer: for a claim (by card, wallet, or wallet first and card for the rest) or to top up the
/// wallet. Pending → Succeeded | Failed; Succeeded → Refunded. Captured money is the truth: a success may follow a
/// failure notice (the gateway charged after all), but a failure never undoes a success.
/// </summary>
public sealed class Payment : Entity, IAggregateRoot
{
    private Payment()
    {
        Reference = Currency = string.Empty;
    }

    public Guid CustomerId { get; private set; }

    public PaymentPurpose Purpose { get; private set; }

    public Guid? ClaimId { get; private set; }

    public PaymentMethod Method { get; private set; }

    /// <summary>The gateway for the card part (paystack, simulated); null when the wallet pays everything.</summary>
    public string? Provider { get; private set; }

    /// <summary>Our reference, sent to the gateway and echoed in its webhooks.</summary>
    public string Reference { get; private set; }

    public string Currency { get; private set; }

    /// <summary>Minor units: the whole amount, and how it splits between the wallet and the card.</summary>
    public long Amount { get; private set; }

    public long WalletAmount { get; private set; }

    public long CardAmount { get; private set; }

    public PaymentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? ProviderTransactionId { get; private set; }

    public string? CheckoutUrl { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>Why a gateway notice was not applied (amount or currency differed); a person looks at flagged payments.</summary>
    public string? FlaggedReason { get; private set; }

    /// <summary>When the provider was last asked about this pending payment; the verification sweep asks the longest-unasked first.</summary>
    public DateTimeOffset? LastVerifiedAt { get; private set; }

    public DateTimeOffset? RefundRequestedAt { get; private set; }

    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>When the gateway took the card refund; from then on a redelivered request must not ask it again.</summary>
    public DateTimeOffset? RefundAcceptedAt { get; private set; }

    /// <summary>
    /// When the card refund was first sent to the gateway, saved before the call: a later attempt knows an earlier one
    /// may have been taken with its answer lost, so the gateway's refusal then may mean "already refunding".
    /// </summary>
    public DateTimeOffset? RefundAttemptedAt { get; private set; }

    /// <summary>The gateway's id for the card refund, when it gave one.</summary>
    public string? ProviderRefundId { get; private set; }

    /// <summary>
    /// When the gateway confirmed a card refund of a payment whose card part had already been credited to the wallet
    /// instead: the customer got it twice. Flagged for a person to recover; the money audit counts it as drift.
    /// </summary>
    public DateTimeOffset? RefundedTwiceAt { get; private set; }

    /// <summary>Asked for a refund that the gateway has not taken and that has not happened (in flight, or stranded).</summary>
    public bool AwaitsRefund => Status == PaymentStatus.Succeeded && RefundRequestedAt is not null && RefundAcceptedAt is null;

    public Money Total => new(Amount, Currency);

    public Money WalletPart => new(WalletAmount, Currency);

    public Money CardPart => new(CardAmount, Currency);

    public bool NeedsCard => CardAmount > 0;

    /// <summary>Pays a claim; <paramref name="walletPart"/> is what the wallet covers (all for Wallet, none for Card).</summary>
    public static Payment ForClaim(Guid customerId, Guid claimId, Money total, PaymentMethod method, Money walletPart, string? provider, DateTimeOffset now)
    {
        if (method is PaymentMethod.Cash)
        {
            throw new DomainException(Errors.ValidationError, "Cash is taken at the box office, not online.");
        }

        if (walletPart > total || walletPart.Amount < 0 || (method == PaymentMethod.Card && walletPart.Amount != 0)
            || (method == PaymentMethod.Wallet && walletPart != total))
        {
            throw new DomainException(Errors.ValidationError, "The wallet part does not fit the payment method.");
        }

        var payment = New(customerId, PaymentPurpose.Claim, claimId, method, total, walletPart, now);
        payment.Provider = payment.NeedsCard ? provider ?? throw new ArgumentNullException(nameof(provider)) : null;
        if (!payment.NeedsCard)
        {
            payment.Status = PaymentStatus.Succeeded;
            payment.CompletedAt = now;
            payment.AddDomainEvent(new PaymentSucceededEvent(payment.Id, customerId, claimId));
        }

        return payment;
    }

    public static Payment ForTopUp(Guid customerId, Money amount, string provider, DateTimeOffset now)
    {
        if (amount.Amount <= 0)
        {
            throw new DomainException(Errors.ValidationError, "A top-up must be more than zero.");
        }

        var payment = New(customerId, PaymentPurpose.WalletTopUp, null, PaymentMethod.Card, amount, Money.Zero(amount.Currency), now);
        payment.Provider = provider;
        return payment;
    }

    public void RecordCheckout(string checkoutUrl)
    {
        EnsureStatus("record a checkout for", PaymentStatus.Pending);
        CheckoutUrl = checkoutUrl;
    }

    /// <summary>Whether a gateway's capture notice is for exactly what this payment asked the card for.</summary>
    public bool Matches(long amount, string currency) => amount == CardAmount && string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase);

    public void Flag(string reason) => FlaggedReason = reason;

    public void RecordVerificationAsked(DateTimeOffset now) => LastVerifiedAt = now;

    public void Succeed(DateTimeOffset now, string providerTransactionId)
    {
        EnsureStatus("capture", PaymentStatus.Pending, PaymentStatus.Failed);
        Status = PaymentStatus.Succeeded;
        CompletedAt = now;
        ProviderTransactionId = providerTransactionId;
        FailureReason = null;
        AddDomainEvent(new PaymentSucceededEvent(Id, CustomerId, ClaimId));
    }

    public void Fail(DateTimeOffset now, string reason)
    {
        EnsureStatus("fail", PaymentStatus.Pending);
        Status = PaymentStatus.Failed;
        CompletedAt = now;
        FailureReason = reason;
    }

    /// <summary>Asks for the captured card money back (the gateway's refund, or the wallet where it cannot).</summary>
    public void RequestRefund(DateTimeOffset now)
    {
        EnsureStatus("refund", PaymentStatus.Succeeded);
        if (RefundRequestedAt is not null)
        {
            return;
        }

        RefundRequestedAt = now;
        AddDomainEvent(new PaymentRefundRequestedEvent(Id));
    }

    /// <summary>
    /// Asks again for a refund that was requested but never reached the gateway (its message was dead-lettered, or lost):
    /// raises the request once more. A refund the gateway already took is left to its confirmation.
    /// </summary>
    public void RequestRefundAgain()
    {
        if (!AwaitsRefund)
        {
            throw new DomainException(Errors.InvalidState, $"Cannot ask again for a refund of a payment that is {Status} with no refund waiting.");
        }

        AddDomainEvent(new PaymentRefundRequestedEvent(Id));
    }

    /// <summary>The card refund is about to be sent to the gateway (the first time is kept).</summary>
    public void RecordRefundAttempt(DateTimeOffset now)
    {
        EnsureStatus("send a refund of", PaymentStatus.Succeeded);
        RefundAttemptedAt ??= now;
    }

    /// <summary>The gateway took the card refund (under <paramref name="providerRefundId"/>, if it gave one); it is never asked twice.</summary>
    public void RecordRefundAccepted(string? providerRefundId, DateTimeOffset now)
    {
        EnsureStatus("record a refund of", PaymentStatus.Succeeded, PaymentStatus.Refunded);
        RefundAcceptedAt ??= now;
        ProviderRefundId ??= providerRefundId;
    }

    /// <summary>The card refund <paramref name="providerRefundId"/> completed after the card part went to the wallet.</summary>
    public void RecordRefundedTwice(string providerRefundId, DateTimeOffset now)
    {
        EnsureStatus("record a second refund of", PaymentStatus.Refunded);
        RefundedTwiceAt ??= now;
        FlaggedReason = $"The card refund {providerRefundId} completed after the card part had been credited to the wallet: refunded twice.";
    }

    public void MarkRefunded(DateTimeOffset now)
    {
        if (Status == PaymentStatus.Refunded)
        {
            return;
        }

        EnsureStatus("mark refunded", PaymentStatus.Succeeded);
        Status = PaymentStatus.Refunded;
        RefundedAt = now;
        AddDomainEvent(new PaymentRefundedEvent(Id, CustomerId, Amount, Currency));
    }

    private static Payment New(Guid customerId, PaymentPurpose purpose, Guid? claimId, PaymentMethod method, Money total, Money walletPart, DateTimeOffset now)
    {
        var payment = new Payment
        {
            CustomerId = customerId,
            Purpose = purpose,
            ClaimId = claimId,
            Method = method,
            Currency = total.Currency,
            Amount = total.Amount,
            WalletAmount = walletPart.Amount,
            CardAmount = total.Amount - walletPart.Amount,
            Status = PaymentStatus.Pending,
            CreatedAt = now,
        };
        payment.Reference = $"pay_{payment.Id:N}";
        return payment;
    }

    private void EnsureStatus(string action, params PaymentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(Errors.InvalidState, $"Cannot {action} a payment that is {Status}.");
        }
    }
}
