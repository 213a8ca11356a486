using MediatR;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Accounts.Commands.Login;

public sealed record LoginCommand(string Email, string Password) : IRequest<TokenPairDto>;

public sealed class LoginCommandHandler(IIdentityService identity, SessionIssuer sessions)
    : IRequestHandler<LoginCommand, TokenPairDto>
{
    public async Task<TokenPairDto> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var check = await identity.CheckPasswordAsync(request.Email.Trim(), request.Password, cancellationToken);
        return check.Result switch
        {
            PasswordCheckResult.Succeeded => await sessions.StartAsync(check.User!, cancellationToken),
            PasswordCheckResult.LockedOut => throw new ForbiddenAccessException(
                Errors.LockedOut, "Too many failed logins; the account is locked for a while."),
            _ => throw new UnauthenticatedException(Errors.InvalidCredentials, "The email or password is wrong."),
        };
    }
}
