using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>Accounts, passwords, lockout and roles, as ASP.NET Core Identity keeps them.</summary>
public interface IIdentityService
{
    /// <summary>Creates the account; a taken email is 409 DUPLICATE_EMAIL, a weak password a validation error.</summary>
    Task<Guid> CreateUserAsync(
        string email, string password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>Checks a password and counts failures towards lockout.</summary>
    Task<PasswordCheck> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken);

    Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<PaginatedList<UserSummary>> GetUsersAsync(string? search, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Replaces the user's roles; false when there is no such user.</summary>
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
