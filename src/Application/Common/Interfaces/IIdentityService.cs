using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>Accounts, passwords, lockout and roles, as ASP.NET Core Identity keeps them.</summary>
public interface IIdentityService
{
    /// <summary>Creates the account; a taken email is 409 DUPLICATE_EMAIL, a weak password a validation error.</summary>
    Task<Guid> CreateUserAsync(
        string email, string password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an account that has no password yet: its owner signs in with emailed codes, and may set a password
    /// through a password reset. A taken email is 409 DUPLICATE_EMAIL.
    /// </summary>
    Task<Guid> CreatePasswordlessUserAsync(
        string email, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>Checks a password and counts failures towards lockout.</summary>
    Task<PasswordCheck> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken);

    Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The account with this email, compared case-insensitively.</summary>
    Task<UserSummary?> FindUserByEmailAsync(string email, CancellationToken cancellationToken);

    Task<bool> IsLockedOutAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="password"/> is the current password or one of the others among the account's
    /// last <see cref="Ticketing.Domain.Accounts.PasswordPolicy.RememberedPasswords"/>.
    /// </summary>
    Task<bool> IsRecentPasswordAsync(Guid userId, string password, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the password, remembers it in the account's password history and ends any lockout: whoever sets a
    /// password here has proved they own the account. Its steps save one after another: call it in a transaction.
    /// </summary>
    Task SetPasswordAsync(Guid userId, string newPassword, CancellationToken cancellationToken);

    Task<PaginatedList<UserSummary>> GetUsersAsync(string? search, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the user's roles; false when there is no such user. Runs in the caller's transaction on the
    /// application's context (the Identity store shares it), so the change commits with what the caller does next.
    /// </summary>
    Task<bool> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);
}

public sealed record PasswordCheck(PasswordCheckResult Result, UserSummary? User)
{
    public static PasswordCheck Failed(PasswordCheckResult result) => new(result, null);
}

public enum PasswordCheckResult
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}
