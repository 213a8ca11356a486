namespace Ticketing.Application.Common.Interfaces;

/// <summary>The record of gateway notices already received (invariant 7).</summary>
public interface IWebhookInbox
{
    /// <summary>Records a notice in the caller's transaction; false when it was received before (nothing to do).</summary>
    Task<bool> TryRecordAsync(string provider, string eventName, string providerEventId, string? reference, string payload, CancellationToken cancellationToken);
}
