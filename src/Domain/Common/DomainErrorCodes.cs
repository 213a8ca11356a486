namespace Ticketing.Domain.Common;

/// <summary>The error codes the domain raises; the HTTP contract (api.md) lists them with their status.</summary>
public static class DomainErrorCodes
{
    public const string InvalidState = "INVALID_STATE";
}
