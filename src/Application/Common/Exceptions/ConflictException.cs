namespace Ticketing.Application.Common.Exceptions;

/// <summary>409: the request is well formed but clashes with the current state (duplicate, already done, …).</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
