namespace Ticketing.Application.Common.Interfaces;

/// <summary>What the API-key gate asks on every gated request: is this an issued key that has not been revoked?</summary>
public interface IApiKeyValidator
{
    /// <summary>
    /// False for a missing, malformed, unknown or revoked key. Called on every gated request, so implementations
    /// answer from a short-lived cache of valid keys: a revocation takes effect within seconds, not at once.
    /// </summary>
    ValueTask<bool> IsValidAsync(string? presentedKey, CancellationToken cancellationToken);
}
