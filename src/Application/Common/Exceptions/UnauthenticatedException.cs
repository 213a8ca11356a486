using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Exceptions;

/// <summary>The caller could not be identified, or the credentials presented were not accepted.</summary>
public sealed class UnauthenticatedException(ErrorCode code, string message) : Exception(message)
{
    public UnauthenticatedException()
        : this(Errors.Unauthenticated, "Authentication is required.")
    {
    }

    public ErrorCode Code { get; } = code;
}
