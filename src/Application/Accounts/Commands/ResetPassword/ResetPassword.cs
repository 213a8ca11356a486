using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.Commands.ResetPassword;

/// <summary>
/// Sets a new password with the token mailed by <see cref="ForgotPassword.ForgotPasswordCommand"/>. Whoever
/// reset it may not be whoever was signed in, so every session of the account ends, and the lockout with them.
/// </summary>
public sealed record ResetPasswordCommand(string Email, string Token, string NewPassword) : IRequest<Unit>;

public sealed class ResetPasswordCommandHandler(
    IApplicationDbContext context,
    IIdentityService identity,
    IOneTimeSecrets secrets,
    AccountLocks locks,
    PasswordReplacement passwords,
    TimeProvider timeProvider) : IRequestHandler<ResetPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindUserByEmailAsync(request.Email.Trim(), cancellationToken)
            ?? throw PasswordResetToken.Rejected();

        await using var transaction = await locks.PasswordAsync(user.Id, cancellationToken);
        var hash = secrets.Hash(request.Token.Trim());
        var token = await context.PasswordResetTokens.SingleOrDefaultAsync(t => t.UserId == user.Id && t.TokenHash == hash, cancellationToken)
            ?? throw PasswordResetToken.Rejected();

        // Spent in the same transaction as the new password: a reused password rolls both back, and the token
        // still works for a better choice.
        token.Use(timeProvider.GetUtcNow());
        await passwords.ReplaceAsync(user.Id, request.NewPassword, keptSessionId: null, "password reset", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
