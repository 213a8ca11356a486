using System.Reflection;

namespace Ticketing.Domain.Common;

/// <summary>
/// Every error code of the HTTP contract, once, with its kind. docs/api.md ("Errors") lists exactly these — a test
/// keeps the two equal — so a client team reads the whole vocabulary in one place and a new code cannot slip in
/// unlisted.
/// </summary>
public static class Errors
{
    // Requests the server cannot take as sent.
    public static readonly ErrorCode ValidationError = new("VALIDATION_ERROR", ErrorKind.Invalid);
    public static readonly ErrorCode MalformedRequest = new("MALFORMED_REQUEST", ErrorKind.Invalid);
    public static readonly ErrorCode RequestRejected = new("REQUEST_REJECTED", ErrorKind.Invalid);
    public static readonly ErrorCode MethodNotAllowed = new("METHOD_NOT_ALLOWED", ErrorKind.MethodNotAllowed);
    public static readonly ErrorCode PayloadTooLarge = new("PAYLOAD_TOO_LARGE", ErrorKind.PayloadTooLarge);
    public static readonly ErrorCode UnsupportedMediaType = new("UNSUPPORTED_MEDIA_TYPE", ErrorKind.UnsupportedMediaType);
    public static readonly ErrorCode RateLimited = new("RATE_LIMITED", ErrorKind.RateLimited);
    public static readonly ErrorCode NotFound = new("NOT_FOUND", ErrorKind.NotFound);
    public static readonly ErrorCode InternalError = new("INTERNAL_ERROR", ErrorKind.Internal);

    // Who is asking, and may they.
    public static readonly ErrorCode Unauthenticated = new("UNAUTHENTICATED", ErrorKind.Unauthenticated);
    public static readonly ErrorCode InvalidCredentials = new("INVALID_CREDENTIALS", ErrorKind.Unauthenticated);
    public static readonly ErrorCode InvalidRefreshToken = new("INVALID_REFRESH_TOKEN", ErrorKind.Unauthenticated);
    public static readonly ErrorCode InvalidOtp = new("INVALID_OTP", ErrorKind.Unauthenticated);
    public static readonly ErrorCode ApiKeyRequired = new("API_KEY_REQUIRED", ErrorKind.Unauthenticated);
    public static readonly ErrorCode Forbidden = new("FORBIDDEN", ErrorKind.Forbidden);
    public static readonly ErrorCode LockedOut = new("LOCKED_OUT", ErrorKind.Forbidden);

    // Accounts.
    public static readonly ErrorCode InvalidResetToken = new("INVALID_RESET_TOKEN", ErrorKind.Invalid);
    public static readonly ErrorCode PasswordReused = new("PASSWORD_REUSED", ErrorKind.Conflict);
    public static readonly ErrorCode DuplicateEmail = new("DUPLICATE_EMAIL", ErrorKind.Conflict);

    // The state of things.
    public static readonly ErrorCode InvalidState = new("INVALID_STATE", ErrorKind.Conflict);
    public static readonly ErrorCode ScheduleConflict = new("SCHEDULE_CONFLICT", ErrorKind.Conflict);
    public static readonly ErrorCode ConcurrencyConflict = new("CONCURRENCY_CONFLICT", ErrorKind.Conflict);
    public static readonly ErrorCode Conflict = new("CONFLICT", ErrorKind.Conflict);

    // The queue and the stock.
    public static readonly ErrorCode AdmissionRequired = new("ADMISSION_REQUIRED", ErrorKind.Forbidden);
    public static readonly ErrorCode AdmissionInvalid = new("ADMISSION_INVALID", ErrorKind.Forbidden);
    public static readonly ErrorCode AlreadyQueued = new("ALREADY_QUEUED", ErrorKind.Conflict);
    public static readonly ErrorCode SoldOut = new("SOLD_OUT", ErrorKind.Gone);
    public static readonly ErrorCode InsufficientInventory = new("INSUFFICIENT_INVENTORY", ErrorKind.Conflict);
    public static readonly ErrorCode SeatsUnavailable = new("SEATS_UNAVAILABLE", ErrorKind.Conflict);
    public static readonly ErrorCode LimitExceeded = new("LIMIT_EXCEEDED", ErrorKind.Conflict);
    public static readonly ErrorCode ClaimExpired = new("CLAIM_EXPIRED", ErrorKind.Conflict);

    // Money.
    public static readonly ErrorCode InsufficientFunds = new("INSUFFICIENT_FUNDS", ErrorKind.Conflict);
    public static readonly ErrorCode RequestInProgress = new("REQUEST_IN_PROGRESS", ErrorKind.Conflict);
    public static readonly ErrorCode IdempotencyKeyReused = new("IDEMPOTENCY_KEY_REUSED", ErrorKind.Unprocessable);
    public static readonly ErrorCode InvalidSignature = new("INVALID_SIGNATURE", ErrorKind.Unauthenticated);
    public static readonly ErrorCode PaymentGatewayUnavailable = new("PAYMENT_GATEWAY_UNAVAILABLE", ErrorKind.Unavailable);

    // The door and cancellations.
    public static readonly ErrorCode AlreadyCheckedIn = new("ALREADY_CHECKED_IN", ErrorKind.Conflict);
    public static readonly ErrorCode DoorsClosed = new("DOORS_CLOSED", ErrorKind.Conflict);
    public static readonly ErrorCode TicketUsed = new("TICKET_USED", ErrorKind.Conflict);

    public static IReadOnlyList<ErrorCode> All { get; } = typeof(Errors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorCode))
        .Select(f => (ErrorCode)f.GetValue(null)!)
        .ToArray();
}
