using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Accounts.Commands.VerifyOtp;

/// <summary>Signs in with the code mailed by <see cref="RequestOtp.RequestOtpCommand"/>.</summary>
public sealed record VerifyOtpCommand(string Email, string Code) : IRequest<TokenPairDto>;

public sealed class VerifyOtpCommandHandler(
    IApplicationDbContext context,
    IIdentityService identity,
    IOneTimeSecrets secrets,
    AccountLocks locks,
    SessionIssuer sessions,
    TimeProvider timeProvider) : IRequestHandler<VerifyOtpCommand, TokenPairDto>
{
    public async Task<TokenPairDto> Handle(VerifyOtpCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindUserByEmailAsync(request.Email.Trim(), cancellationToken);
        if (user is null || !OneTimeCode.IsAllowedFor(user.Roles))
        {
            throw Rejected();
        }

        // A lockout stops every way of signing in; only a password reset, which proves more, ends it early.
        if (await identity.IsLockedOutAsync(user.Id, cancellationToken))
        {
            throw new ForbiddenAccessException(Errors.LockedOut, "Too many failed logins; the account is locked for a while.");
        }

        await using var transaction = await locks.OneTimeCodesAsync(user.Id, cancellationToken);
        var code = await context.OneTimeCodes
            .SingleOrDefaultAsync(c => c.UserId == user.Id && c.UsedAt == null && c.SupersededAt == null, cancellationToken);
        if (code is null)
        {
            throw Rejected();
        }

        var redeemed = code.TryRedeem(secrets.Hash(request.Code.Trim()), timeProvider.GetUtcNow());
        if (!redeemed)
        {
            // The attempt counts even though the request fails.
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            throw Rejected();
        }

        var pair = await sessions.StartAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pair;
    }

    /// <summary>Wrong, spent, expired, replaced or out of guesses: one answer, so it says nothing that helps guessing.</summary>
    private static UnauthenticatedException Rejected() =>
        new(Errors.InvalidOtp, "The code is not valid. Ask for a new one if it has expired.");
}
