using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

/// <summary>
/// One sign-in: the family of refresh tokens that descend from a login, and the access tokens issued with
/// them (they carry the session id). Revoking the session ends all of them at once.
/// </summary>
public sealed class AuthSession : Entity, IAggregateRoot
{
    private AuthSession()
    {
    }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static AuthSession Start(Guid userId, DateTimeOffset now) =>
        new() { UserId = userId, CreatedAt = now };

    public RefreshToken IssueRefreshToken(string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (IsRevoked)
        {
            throw new DomainException(Errors.InvalidState, "The session has been revoked.");
        }

        return new RefreshToken(Id, tokenHash, now, now + lifetime);
    }

    /// <summary>
    /// Spends <paramref name="presented"/> and issues its successor. A token that was already spent means
    /// somebody else holds a copy of it, so the whole family is revoked (OAuth 2.0 Security BCP §4.14.2).
    /// </summary>
    public RefreshRejection TryRotate(
        RefreshToken presented,
        string successorHash,
        DateTimeOffset now,
        TimeSpan lifetime,
        out RefreshToken? successor)
    {
        successor = null;
        if (presented.SessionId != Id)
        {
            throw new ArgumentException("The token belongs to another session.", nameof(presented));
        }

        if (IsRevoked)
        {
            return RefreshRejection.SessionRevoked;
        }

        if (presented.IsUsed)
        {
            Revoke(now, "refresh token reused");
            return RefreshRejection.TokenReused;
        }

        if (presented.ExpiresAt <= now)
        {
            return RefreshRejection.TokenExpired;
        }

        successor = IssueRefreshToken(successorHash, now, lifetime);
        presented.MarkUsed(now, successor.Id);
        return RefreshRejection.None;
    }

    public void Revoke(DateTimeOffset now, string reason)
    {
        if (IsRevoked)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
        AddDomainEvent(new AuthSessionRevokedEvent(Id, UserId));
    }
}
