namespace Ticketing.Domain.Common;

/// <summary>
/// A business rule said no. <see cref="Code"/> is the stable error code clients switch on (api.md) and says what
/// kind of refusal it is; the message is for people.
/// </summary>
public class DomainException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}
