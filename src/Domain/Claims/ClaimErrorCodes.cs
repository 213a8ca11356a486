namespace Ticketing.Domain.Claims;

/// <summary>Error codes of taking inventory (api.md, "Claims"); SOLD_OUT is 410, the admission codes 403, the rest 409.</summary>
public static class ClaimErrorCodes
{
    public const string SoldOut = "SOLD_OUT";
    public const string InsufficientInventory = "INSUFFICIENT_INVENTORY";
    public const string SeatsUnavailable = "SEATS_UNAVAILABLE";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
    public const string ClaimExpired = "CLAIM_EXPIRED";
    public const string AdmissionRequired = "ADMISSION_REQUIRED";
    public const string AdmissionInvalid = "ADMISSION_INVALID";
    public const string AlreadyQueued = "ALREADY_QUEUED";
}
