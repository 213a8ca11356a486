namespace Ticketing.Infrastructure.Idempotency;

/// <summary>An Idempotency-Key as used by one user: what it was for, and the first response once there is one.</summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the request (method, path, arguments): the same key with another request is refused.</summary>
    public required string Fingerprint { get; init; }

    public bool Completed { get; init; }

    public int? ResponseStatus { get; init; }

    public string? ResponseBody { get; init; }

    /// <summary>When the key was claimed, or last taken over after its in-progress lease lapsed.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
