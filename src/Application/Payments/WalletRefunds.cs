using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments;

/// <summary>
/// Returns a payment's card part to the customer's wallet when the card cannot take it back: the gateway cannot refund
/// the charge, or its refund failed (ADR 12). One reference per payment, so however many paths ask, it credits once.
/// </summary>
public sealed class WalletRefunds(IApplicationDbContext context, IWalletLedger wallets, TimeProvider timeProvider)
{
    public static string ReferenceFor(Guid paymentId) => $"refund:{paymentId}";

    /// <summary>Whether the payment's card part was already credited to the wallet.</summary>
    public Task<bool> CreditedAsync(Payment payment, CancellationToken cancellationToken)
    {
        var reference = ReferenceFor(payment.Id);
        return context.WalletTransactions.AnyAsync(t => t.Reference == reference, cancellationToken);
    }

    /// <summary>Credits the card part and marks the payment refunded, in the caller's transaction.</summary>
    public async Task CreditCardPartAsync(Payment payment, string reason, CancellationToken cancellationToken)
    {
        var wallet = await wallets.WalletOfAsync(payment.CustomerId, payment.Currency, cancellationToken);
        await wallets.CreditAsync(wallet, payment.CardAmount, reason, ReferenceFor(payment.Id), cancellationToken);
        payment.MarkRefunded(timeProvider.GetUtcNow());
    }
}
