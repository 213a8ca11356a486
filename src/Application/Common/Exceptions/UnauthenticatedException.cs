namespace Ticketing.Application.Common.Exceptions;

/// <summary>401: the caller could not be identified, or the credentials presented were not accepted.</summary>
public sealed class UnauthenticatedException(string code = ErrorCodes.Unauthenticated, string message = "Authentication is required.")
    : Exception(message)
{
    public string Code { get; } = code;
}
