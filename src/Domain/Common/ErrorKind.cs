namespace Ticketing.Domain.Common;

/// <summary>
/// What sort of refusal an error is. The HTTP edge maps each kind to one status; nothing else needs to know the
/// status, so a rule raised in the Domain and the same rule raised by the database answer alike.
/// </summary>
public enum ErrorKind
{
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    Gone,
    PayloadTooLarge,
    UnsupportedMediaType,
    Unprocessable,
    RateLimited,
    Unavailable,
    Internal,
}
