namespace Ticketing.Infrastructure.Identity;

/// <summary>
/// One of an account's recent passwords, as Identity hashed it (salted PBKDF2), so a new password can be checked
/// against it and never compared in plain text. The newest entry is the current password.
/// </summary>
public sealed class PasswordHistoryEntry
{
    /// <summary>Increasing in insertion order, which orders an account's passwords even when the clock stood still.</summary>
    public long Id { get; private set; }

    public Guid UserId { get; init; }

    public required string PasswordHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
