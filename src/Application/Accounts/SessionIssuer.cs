using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts;

/// <summary>Starts a sign-in session and issues its first token pair; shared by every way of logging in.</summary>
public sealed class SessionIssuer(IApplicationDbContext context, ITokenService tokens, TimeProvider timeProvider)
{
    public async Task<TokenPairDto> StartAsync(UserSummary user, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var session = AuthSession.Start(user.Id, now);
        var (refreshToken, hash) = tokens.CreateRefreshToken();
        context.AuthSessions.Add(session);
        context.RefreshTokens.Add(session.IssueRefreshToken(hash, now, tokens.RefreshTokenLifetime));
        await context.SaveChangesAsync(cancellationToken);

        return Pair(user, session.Id, refreshToken);
    }

    public TokenPairDto Pair(UserSummary user, Guid sessionId, string refreshToken)
    {
        var access = tokens.CreateAccessToken(user, sessionId);
        return new TokenPairDto(access.Token, refreshToken, (int)access.Lifetime.TotalSeconds);
    }
}
