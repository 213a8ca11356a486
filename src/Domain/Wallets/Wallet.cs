using Ticketing.Domain.Common;

namespace Ticketing.Domain.Wallets;

/// <summary>
/// A customer's stored money in one currency. The balance changes only by a ledger movement (one conditional
/// statement plus a ledger row unique per reference), so it always equals credits minus debits, never goes below
/// zero, and a reference moves money once (invariant 6).
/// </summary>
public sealed class Wallet : Entity, IAggregateRoot
{
    private Wallet()
    {
        Currency = string.Empty;
    }

    public Guid CustomerId { get; private set; }

    public string Currency { get; private set; }

    /// <summary>Minor units.</summary>
    public long Balance { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Wallet Open(Guid customerId, string currency, DateTimeOffset now) =>
        Currencies.IsKnown(currency)
            ? new Wallet { CustomerId = customerId, Currency = currency, CreatedAt = now }
            : throw new DomainException(Errors.ValidationError, $"Unknown currency '{currency}'.");
}

public enum WalletTransactionType
{
    Credit,
    Debit,
}

/// <summary>One movement of a wallet's money; append-only.</summary>
public sealed class WalletTransaction : Entity
{
    private WalletTransaction()
    {
        Reason = Reference = string.Empty;
    }

    public Guid WalletId { get; private set; }

    public WalletTransactionType Type { get; private set; }

    public long Amount { get; private set; }

    public long BalanceAfter { get; private set; }

    public string Reason { get; private set; }

    /// <summary>What moved the money (a payment, a refund, a top-up); unique per wallet.</summary>
    public string Reference { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
