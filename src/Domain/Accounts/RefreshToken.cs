using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

/// <summary>A single-use refresh token. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class RefreshToken : Entity
{
    private RefreshToken()
    {
        TokenHash = string.Empty;
    }

    internal RefreshToken(Guid sessionId, string tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        SessionId = sessionId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid SessionId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public Guid? ReplacedById { get; private set; }

    public bool IsUsed => UsedAt is not null;

    internal void MarkUsed(DateTimeOffset now, Guid successorId)
    {
        UsedAt = now;
        ReplacedById = successorId;
    }
}
