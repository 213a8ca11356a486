namespace Ticketing.WebApi.Common;

/// <summary>Perimeter settings (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// When true, every business endpoint needs a valid, unrevoked <c>X-Api-Key</c> (<see cref="ApiKeyGateMiddleware"/>).
    /// Read at start-up. Issue the keys (with the gate still off) before turning it on: logging in needs a key too.
    /// </summary>
    public bool RequireApiKey { get; set; }

    /// <summary>
    /// Scanner and API-key refusals from one source write their first row per window of this many seconds; the
    /// repeats are counted and written as one row when the window ends (<see cref="DeniedRequestAudit"/>).
    /// </summary>
    public int DeniedAuditWindowSeconds { get; set; } = 60;
}
