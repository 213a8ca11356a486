using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Identity;

public sealed class IdentityService(
    UserManager<ApplicationUser> userManager,
    ApplicationDbContext context,
    TimeProvider timeProvider) : IIdentityService
{
    public async Task<Guid> CreateUserAsync(
        string email, string password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = ApplicationUser.Register(email, displayName, timeProvider.GetUtcNow());

        // The user, its roles and its outbox event commit together or not at all.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw ToException(created);
        }

        var added = await userManager.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            throw ToException(added);
        }

        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    public async Task<PasswordCheck> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the same work as a real check, so response times do not reveal which emails exist.
            userManager.PasswordHasher.HashPassword(ApplicationUserPlaceholder.Instance, password);
            return PasswordCheck.Failed(PasswordCheckResult.InvalidCredentials);
        }

        if (await userManager.IsLockedOutAsync(user))
        {
            return PasswordCheck.Failed(PasswordCheckResult.LockedOut);
        }

        if (!await userManager.CheckPasswordAsync(user, password))
        {
            await userManager.AccessFailedAsync(user);
            return PasswordCheck.Failed(await userManager.IsLockedOutAsync(user)
                ? PasswordCheckResult.LockedOut
                : PasswordCheckResult.InvalidCredentials);
        }

        if (await userManager.GetAccessFailedCountAsync(user) > 0)
        {
            await userManager.ResetAccessFailedCountAsync(user);
        }

        return new PasswordCheck(PasswordCheckResult.Succeeded, await SummaryAsync(user));
    }

    public async Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        return user is null ? null : await SummaryAsync(user);
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

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var current = await userManager.GetRolesAsync(user);
        var removed = await userManager.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded)
        {
            throw ToException(removed);
        }

        var added = await userManager.AddToRolesAsync(user, roles.Except(current));
        if (!added.Succeeded)
        {
            throw ToException(added);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<UserSummary> SummaryAsync(ApplicationUser user)
    {
        var roles = await userManager.GetRolesAsync(user);
        return new UserSummary(user.Id, user.Email!, user.DisplayName, roles.Order().ToList());
    }

    private static Exception ToException(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return new ConflictException(ErrorCodes.DuplicateEmail, "An account with this email already exists.");
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
