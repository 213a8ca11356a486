namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// Moves wallet money, in the caller's transaction: a balance update and a ledger row (unique per wallet and
/// reference, with the balance after it) in one go, so the balance always equals credits minus debits.
/// </summary>
public interface IWalletLedger
{
    /// <summary>The customer's wallet in <paramref name="currency"/>, opened on first use.</summary>
    Task<Guid> WalletOfAsync(Guid customerId, string currency, CancellationToken cancellationToken);

    /// <summary>Adds money; a reference already credited moves nothing. Returns the balance after.</summary>
    Task<long> CreditAsync(Guid walletId, long amount, string reason, string reference, CancellationToken cancellationToken);

    /// <summary>Takes money only if the balance covers it (one conditional update); null when it does not.</summary>
    Task<long?> TryDebitAsync(Guid walletId, long amount, string reason, string reference, CancellationToken cancellationToken);
}
