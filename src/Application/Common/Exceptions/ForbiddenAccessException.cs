using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenAccessException(ErrorCode code, string message) : Exception(message)
{
    public ForbiddenAccessException()
        : this(Errors.Forbidden, "You may not do this.")
    {
    }

    public ErrorCode Code { get; } = code;
}
