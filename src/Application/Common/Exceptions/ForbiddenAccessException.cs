namespace Ticketing.Application.Common.Exceptions;

/// <summary>403: the caller is known but may not do this.</summary>
public sealed class ForbiddenAccessException(string code = ErrorCodes.Forbidden, string message = "You may not do this.")
    : Exception(message)
{
    public string Code { get; } = code;
}
