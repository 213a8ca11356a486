using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Accounts;
using Ticketing.Infrastructure.Data;
using Ticketing.Domain.Common;

namespace Ticketing.Infrastructure.Identity;

public sealed class IdentityService(
    UserManager<ApplicationUser> userManager,
    ApplicationDbContext context,
    ITransactionLocks locks,
    TimeProvider timeProvider) : IIdentityService
{
    private const string SignInLock = "account-sign-in";

    public Task<Guid> CreateUserAsync(
        string email, string password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        CreateAsync(email, password, displayName, roles, cancellationToken);

    public Task<Guid> CreatePasswordlessUserAsync(
        string email, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        CreateAsync(email, password: null, displayName, roles, cancellationToken);

    public async Task<PasswordCheck> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the same work as a real check, so response times do not reveal which emails exist.
            userManager.PasswordHasher.HashPassword(ApplicationUserPlaceholder.Instance, password);
            return PasswordCheck.Failed(PasswordCheckResult.InvalidCredentials);
        }

        // Attempts on one account are counted one after another: unserialised, parallel wrong guesses each read the
        // same failure count and all but one increment are lost, so 20 of them would not lock the account.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await locks.AcquireAsync(SignInLock, user.Id, null, cancellationToken);
        await context.Entry(user).ReloadAsync(cancellationToken);

        var check = await CheckUnderLockAsync(user, password);
        await transaction.CommitAsync(cancellationToken);
        return check;
    }

    public async Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        return user is null ? null : await SummaryAsync(user);
    }

    public async Task<UserSummary?> FindUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByEmailAsync(email);
        return user is null ? null : await SummaryAsync(user);
    }

    public async Task<bool> IsLockedOutAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        return user is not null && await userManager.IsLockedOutAsync(user);
    }

    public async Task<bool> IsRecentPasswordAsync(Guid userId, string password, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User");
        var hashes = await context.PasswordHistory
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.Id)
            .Take(PasswordPolicy.RememberedPasswords)
            .Select(e => e.PasswordHash)
            .ToListAsync(cancellationToken);

        // The current hash too, for an account whose history began after its password was set.
        if (user.PasswordHash is not null)
        {
            hashes.Add(user.PasswordHash);
        }

        return hashes.Distinct().Any(hash =>
            userManager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
    }

    public async Task SetPasswordAsync(Guid userId, string newPassword, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User");
        Ensure(await userManager.RemovePasswordAsync(user));
        Ensure(await userManager.AddPasswordAsync(user, newPassword));
        Ensure(await userManager.SetLockoutEndDateAsync(user, null));
        Ensure(await userManager.ResetAccessFailedCountAsync(user));
        await RememberPasswordAsync(user, cancellationToken);
    }

    public async Task<PaginatedList<UserSummary>> GetUsersAsync(
        string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var users = context.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = $"%{search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            users = users.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users
            .OrderBy(u => u.Email)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                Roles = context.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(context.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .OrderBy(name => name)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        return new PaginatedList<UserSummary>(
            rows.Select(r => new UserSummary(r.Id, r.Email!, r.DisplayName, r.Roles)).ToList(), total, page, pageSize);
    }

    public async Task<bool> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return false;
        }

        var current = await userManager.GetRolesAsync(user);
        Ensure(await userManager.RemoveFromRolesAsync(user, current.Except(roles)));
        Ensure(await userManager.AddToRolesAsync(user, roles.Except(current)));
        return true;
    }

    private async Task<Guid> CreateAsync(
        string email, string? password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = ApplicationUser.Register(email, displayName, timeProvider.GetUtcNow());

        // The user, its roles, its first password in the history and its outbox event commit together or not at all.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        Ensure(password is null ? await userManager.CreateAsync(user) : await userManager.CreateAsync(user, password));
        Ensure(await userManager.AddToRolesAsync(user, roles));
        await RememberPasswordAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    /// <summary>Adds the user's current password hash to its history and forgets those beyond what the policy keeps.</summary>
    private async Task RememberPasswordAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (user.PasswordHash is null)
        {
            return;
        }

        context.PasswordHistory.Add(new PasswordHistoryEntry
        {
            UserId = user.Id,
            PasswordHash = user.PasswordHash,
            CreatedAt = timeProvider.GetUtcNow(),
        });
        await context.SaveChangesAsync(cancellationToken);

        var kept = context.PasswordHistory
            .Where(e => e.UserId == user.Id)
            .OrderByDescending(e => e.Id)
            .Take(PasswordPolicy.RememberedPasswords)
            .Select(e => e.Id);
        await context.PasswordHistory
            .Where(e => e.UserId == user.Id && !kept.Contains(e.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<PasswordCheck> CheckUnderLockAsync(ApplicationUser user, string password)
    {
        var lockedOut = await userManager.IsLockedOutAsync(user);
        if (lockedOut || user.PasswordHash is null)
        {
            // Neither a locked nor a passwordless account needs the hash to answer, but skipping it would show in
            // the response time: spend the work of one check anyway.
            SpendOneHash(user, password);
            return PasswordCheck.Failed(lockedOut ? PasswordCheckResult.LockedOut : await FailAsync(user));
        }

        if (!await userManager.CheckPasswordAsync(user, password))
        {
            return PasswordCheck.Failed(await FailAsync(user));
        }

        if (await userManager.GetAccessFailedCountAsync(user) > 0)
        {
            Ensure(await userManager.ResetAccessFailedCountAsync(user));
        }

        return new PasswordCheck(PasswordCheckResult.Succeeded, await SummaryAsync(user));
    }

    private async Task<PasswordCheckResult> FailAsync(ApplicationUser user)
    {
        Ensure(await userManager.AccessFailedAsync(user));
        return await userManager.IsLockedOutAsync(user) ? PasswordCheckResult.LockedOut : PasswordCheckResult.InvalidCredentials;
    }

    private void SpendOneHash(ApplicationUser user, string password)
    {
        if (user.PasswordHash is null)
        {
            userManager.PasswordHasher.HashPassword(user, password);
        }
        else
        {
            userManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password);
        }
    }

    private async Task<UserSummary> SummaryAsync(ApplicationUser user)
    {
        var roles = await userManager.GetRolesAsync(user);
        return new UserSummary(user.Id, user.Email!, user.DisplayName, roles.Order().ToList());
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw ToException(result);
        }
    }

    private static Exception ToException(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return new ConflictException(Errors.DuplicateEmail, "An account with this email already exists.");
        }

        if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return new ConflictException(Errors.ConcurrencyConflict, "The account was changed by another request. Try again.");
        }

        var field = errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "Email";
        return new ValidationException(
            errors.Select(e => new FluentValidation.Results.ValidationFailure(field, e.Description)));
    }

    /// <summary>Only used to hash a password when the email is unknown (see <see cref="CheckPasswordAsync"/>).</summary>
    private static class ApplicationUserPlaceholder
    {
        public static readonly ApplicationUser Instance = ApplicationUser.Register("nobody@invalid", "nobody", DateTimeOffset.UnixEpoch);
    }
}
