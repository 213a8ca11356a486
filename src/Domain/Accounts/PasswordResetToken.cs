using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

/// <summary>
/// Permission to set a new password without the old one, mailed to the account's address: good once, for five
/// minutes, and only while it is the account's newest. 256 random bits, stored only as a keyed hash.
/// </summary>
public sealed class PasswordResetToken : Entity, IAggregateRoot
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private PasswordResetToken()
    {
        TokenHash = string.Empty;
    }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public static PasswordResetToken Issue(Guid userId, string email, string token, string tokenHash, DateTimeOffset now)
    {
        var issued = new PasswordResetToken { UserId = userId, TokenHash = tokenHash, CreatedAt = now, ExpiresAt = now + Lifetime };

        // Like a sign-in code, the plain token rests in the outbox until the Worker mails it (see OneTimeCode.Issue).
        issued.AddDomainEvent(new PasswordResetRequestedEvent(issued.Id, userId, email, token, issued.ExpiresAt));
        return issued;
    }

    /// <summary>
    /// One answer for every way a token can be wrong (unknown, expired, replaced, spent), so a caller learns
    /// nothing about which it was.
    /// </summary>
    public static DomainException Rejected() =>
        new(Errors.InvalidResetToken, "The reset token is invalid, expired, replaced by a newer one or already used. Ask for a new one.");

    public bool IsLiveAt(DateTimeOffset now) => UsedAt is null && SupersededAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now)
    {
        if (!IsLiveAt(now))
        {
            throw Rejected();
        }

        UsedAt = now;
    }

    public void Supersede(DateTimeOffset now)
    {
        if (UsedAt is null)
        {
            SupersededAt ??= now;
        }
    }
}
