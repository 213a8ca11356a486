using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Exceptions;

/// <summary>The request is well formed but clashes with the current state (duplicate, already done, …).</summary>
public sealed class ConflictException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}
