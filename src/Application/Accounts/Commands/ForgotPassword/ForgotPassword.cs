using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.Commands.ForgotPassword;

/// <summary>
/// Mails a password reset token to the account with this address, replacing any earlier token. The answer is the
/// same whether or not there is such an account.
/// </summary>
public sealed record ForgotPasswordCommand(string Email) : IRequest<Unit>;

public sealed class ForgotPasswordCommandHandler(
    IApplicationDbContext context,
    IIdentityService identity,
    IOneTimeSecrets secrets,
    AccountLocks locks,
    TimeProvider timeProvider) : IRequestHandler<ForgotPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ForgotPasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindUserByEmailAsync(request.Email.Trim(), cancellationToken);
        if (user is null)
        {
            return Unit.Value;
        }

        await using var transaction = await locks.PasswordAsync(user.Id, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var live = await context.PasswordResetTokens
            .Where(t => t.UserId == user.Id && t.UsedAt == null && t.SupersededAt == null)
            .ToListAsync(cancellationToken);
        foreach (var older in live)
        {
            older.Supersede(now);
        }

        // Saved before the new token is added: the unique index on an account's live token must never see two.
        await context.SaveChangesAsync(cancellationToken);
        var token = secrets.NewToken();
        context.PasswordResetTokens.Add(PasswordResetToken.Issue(user.Id, user.Email, token, secrets.Hash(token), now));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
