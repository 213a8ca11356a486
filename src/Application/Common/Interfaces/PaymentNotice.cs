namespace Ticketing.Application.Common.Interfaces;

/// <summary>A provider's webhook as received: its headers (names compared case-insensitively) and the exact body, which its signature covers.</summary>
public sealed record GatewayWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>What a provider's webhook says, in no provider's vocabulary.</summary>
/// <param name="Event">The provider's own name for the event, kept in the inbox and the log.</param>
/// <param name="ProviderId">The provider's id for what the notice is about: the transaction of a charge, the refund of a refund. With <paramref name="Event"/> it identifies the notice.</param>
/// <param name="Reference">Our payment reference, when the notice carries one.</param>
/// <param name="Amount">Minor units.</param>
/// <param name="Status">The provider's word for the outcome, for messages.</param>
public sealed record PaymentNotice(PaymentNoticeKind Kind, string Event, string ProviderId, string? Reference, long Amount, string Currency, string? Status);

public enum PaymentNoticeKind
{
    /// <summary>The card was charged.</summary>
    Captured,
    ChargeFailed,

    /// <summary>A refund the provider took has completed.</summary>
    Refunded,

    /// <summary>The provider could not return the money.</summary>
    RefundFailed,

    /// <summary>An event we do not act on; it is still recorded so a redelivery is recognised.</summary>
    Other,
}
