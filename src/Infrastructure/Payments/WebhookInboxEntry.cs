namespace Ticketing.Infrastructure.Payments;

/// <summary>A gateway notice as received, kept so a redelivery is recognised and does nothing.</summary>
public sealed class WebhookInboxEntry
{
    public required string Provider { get; init; }

    public required string EventName { get; init; }

    /// <summary>The provider's id of the charge or refund the notice is about (data.id).</summary>
    public required string ProviderEventId { get; init; }

    public string? Reference { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
