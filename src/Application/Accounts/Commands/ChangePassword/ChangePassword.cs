using MediatR;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Accounts.Commands.ChangePassword;

/// <summary>
/// The signed-in user replaces their password, proving it with the current one. Their other sessions end (a
/// change is often made because a password leaked); the one making the change stays signed in.
/// </summary>
[Authorize]
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : IRequest<Unit>;

public sealed class ChangePasswordCommandHandler(
    IIdentityService identity,
    ICurrentUser currentUser,
    AccountLocks locks,
    PasswordReplacement passwords) : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindUserAsync(currentUser.UserId!.Value, cancellationToken) ?? throw new UnauthenticatedException();

        // Checked like a login, outside the transaction, so a wrong password counts towards lockout even though
        // this request fails: a stolen access token must not become unlimited password guessing.
        var check = await identity.CheckPasswordAsync(user.Email, request.CurrentPassword, cancellationToken);
        switch (check.Result)
        {
            case PasswordCheckResult.LockedOut:
                throw new ForbiddenAccessException(Errors.LockedOut, "Too many failed logins; the account is locked for a while.");
            case PasswordCheckResult.InvalidCredentials:
                throw new UnauthenticatedException(Errors.InvalidCredentials, "The current password is wrong.");
        }

        await using var transaction = await locks.PasswordAsync(user.Id, cancellationToken);
        await passwords.ReplaceAsync(user.Id, request.NewPassword, currentUser.SessionId, "password changed", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
