namespace Ticketing.Domain.Common;

/// <summary>The error codes the domain raises; the HTTP contract (api.md) lists them with their status.</summary>
public static class DomainErrorCodes
{
    /// <summary>An action the current state does not allow (409).</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>Input that breaks an entity's own rules; validators normally catch it first (400).</summary>
    public const string ValidationError = "VALIDATION_ERROR";

    public const string ScheduleConflict = "SCHEDULE_CONFLICT";
}
