namespace Ticketing.Domain.Common;

/// <summary>A stable error code clients switch on (<see cref="Value"/>) and the kind of refusal it is.</summary>
public sealed record ErrorCode(string Value, ErrorKind Kind)
{
    public override string ToString() => Value;
}
