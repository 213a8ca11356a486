namespace Ticketing.Application.Common.Exceptions;

/// <summary>Stable error codes of the HTTP contract (api.md, "Errors") raised by the Application layer.</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string MalformedRequest = "MALFORMED_REQUEST";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string InvalidOtp = "INVALID_OTP";
    public const string Forbidden = "FORBIDDEN";
    public const string LockedOut = "LOCKED_OUT";
    public const string NotFound = "NOT_FOUND";
    public const string DuplicateEmail = "DUPLICATE_EMAIL";
    public const string ConcurrencyConflict = "CONCURRENCY_CONFLICT";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string InternalError = "INTERNAL_ERROR";
}
