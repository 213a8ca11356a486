using System.Security.Cryptography;
using System.Text;
using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

/// <summary>
/// A passwordless sign-in code sent by email: six digits, one sign-in, within ten minutes and five guesses. Only an
/// account's newest code is live — issuing one supersedes the others. Only a keyed hash of the code is stored.
/// </summary>
public sealed class OneTimeCode : Entity, IAggregateRoot
{
    public const int Digits = 6;

    public const int MaxAttempts = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private OneTimeCode()
    {
        CodeHash = string.Empty;
    }

    public Guid UserId { get; private set; }

    public string CodeHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Guesses made at this code, the right one included.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public static OneTimeCode Issue(Guid userId, string email, string code, string codeHash, DateTimeOffset now)
    {
        var issued = new OneTimeCode { UserId = userId, CodeHash = codeHash, CreatedAt = now, ExpiresAt = now + Lifetime };

        // The event carries the plain code because the Worker mails it from the outbox, so it rests in
        // outbox_messages (the processed row included). Accepted: reading it there takes read access to the
        // database, and it is worth one sign-in within ten minutes. The code's own row, which every guess is
        // checked against, keeps only the keyed hash.
        issued.AddDomainEvent(new OneTimeCodeIssuedEvent(issued.Id, userId, email, code, issued.ExpiresAt));
        return issued;
    }

    /// <summary>
    /// Codes are a customer convenience. An account that also organizes, staffs or administers can do more, so it
    /// signs in with its password: a code proves only access to the mailbox.
    /// </summary>
    public static bool IsAllowedFor(IReadOnlyCollection<string> roles) =>
        roles.Count > 0 && roles.All(role => role == Roles.Customer);

    public bool IsLiveAt(DateTimeOffset now) =>
        UsedAt is null && SupersededAt is null && now < ExpiresAt && Attempts < MaxAttempts;

    /// <summary>
    /// A guess at the code. Every guess at a live code counts, right or wrong, so the limit also bounds the
    /// guesses of whoever eventually gets it right; the right one spends the code.
    /// </summary>
    public bool TryRedeem(string presentedHash, DateTimeOffset now)
    {
        if (!IsLiveAt(now))
        {
            return false;
        }

        Attempts++;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presentedHash), Encoding.UTF8.GetBytes(CodeHash)))
        {
            return false;
        }

        UsedAt = now;
        return true;
    }

    /// <summary>A newer code was issued: this one stops working, whatever was left of its time and guesses.</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (UsedAt is null)
        {
            SupersededAt ??= now;
        }
    }
}
