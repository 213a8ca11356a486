namespace Ticketing.Domain.Common;

/// <summary>
/// A business rule said no. <see cref="Code"/> is the stable error code clients switch on
/// (api.md); the message is for people.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
