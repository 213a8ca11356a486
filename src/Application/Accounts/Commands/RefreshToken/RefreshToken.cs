using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Accounts.Commands.RefreshToken;

/// <summary>Trades a refresh token for a new pair. Each refresh token works once.</summary>
public sealed record RefreshTokenCommand(string RefreshToken) : IRequest<TokenPairDto>;

public sealed class RefreshTokenCommandHandler(
    IApplicationDbContext context,
    IIdentityService identity,
    ITokenService tokens,
    SessionIssuer sessions,
    AccountLocks locks,
    TimeProvider timeProvider) : IRequestHandler<RefreshTokenCommand, TokenPairDto>
{
    public async Task<TokenPairDto> Handle(RefreshTokenCommand request, CancellationToken cancellationToken)
    {
        var hash = tokens.HashRefreshToken(request.RefreshToken);
        var sessionId = await context.RefreshTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => (Guid?)t.SessionId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw Rejected();

        // Refreshes racing with one token take turns, so every one but the first finds it spent: a reuse, which ends
        // the session, exactly as if the copies had been presented one after another.
        await using var transaction = await locks.RefreshTokensAsync(sessionId, cancellationToken);
        var presented = await context.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw Rejected();
        var session = await context.AuthSessions.SingleAsync(s => s.Id == presented.SessionId, cancellationToken);
        var user = await identity.FindUserAsync(session.UserId, cancellationToken) ?? throw Rejected();

        var (successorToken, successorHash) = tokens.CreateRefreshToken();
        var rejection = session.TryRotate(
            presented, successorHash, timeProvider.GetUtcNow(), tokens.RefreshTokenLifetime, out var successor);
        if (rejection != RefreshRejection.None)
        {
            // A reuse has just revoked the session: that must be saved even though this request fails.
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            throw Rejected();
        }

        context.RefreshTokens.Add(successor!);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sessions.Pair(user, session.Id, successorToken);
    }

    private static UnauthenticatedException Rejected() =>
        new(Errors.InvalidRefreshToken, "The refresh token is invalid, expired or already used. Log in again.");
}
