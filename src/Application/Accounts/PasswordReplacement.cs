using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Accounts;

/// <summary>A new password under the account's rules, shared by changing and resetting it.</summary>
public sealed class PasswordReplacement(IApplicationDbContext context, IIdentityService identity, TimeProvider timeProvider)
{
    /// <summary>
    /// Refuses any of the last <see cref="PasswordPolicy.RememberedPasswords"/> passwords, sets the new one and
    /// ends every session of the account but <paramref name="keptSessionId"/>. Runs inside the transaction of
    /// <see cref="AccountLocks.PasswordAsync"/>, so the history it checks is the history it adds to.
    /// </summary>
    public async Task ReplaceAsync(Guid userId, string newPassword, Guid? keptSessionId, string reason, CancellationToken cancellationToken)
    {
        if (await identity.IsRecentPasswordAsync(userId, newPassword, cancellationToken))
        {
            throw new DomainException(
                Errors.PasswordReused,
                $"Choose a password that is not one of your last {PasswordPolicy.RememberedPasswords}.");
        }

        await identity.SetPasswordAsync(userId, newPassword, cancellationToken);

        var now = timeProvider.GetUtcNow();
        var sessions = await context.AuthSessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && (keptSessionId == null || s.Id != keptSessionId))
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Revoke(now, reason);
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
