namespace Ticketing.Domain.Payments;

public enum PaymentMethod
{
    Card,
    Wallet,
    Split,
    Cash,
}

public enum PaymentPurpose
{
    Claim,
    WalletTopUp,
}

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Failed,
    Refunded,
}
