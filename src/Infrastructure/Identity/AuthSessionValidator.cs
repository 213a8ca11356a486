using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Identity;

/// <summary>
/// An access token is only as good as its session: after logout or a detected refresh-token reuse the token
/// stops working at once, not when it expires. Answered from memory (<see cref="SessionRevocations"/>); one
/// primary-key lookup only while that is not complete.
/// </summary>
public sealed class AuthSessionValidator(SessionRevocations revocations, IServiceScopeFactory scopes) : IAuthSessionValidator
{
    public async ValueTask<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (revocations.IsRevoked(sessionId) is { } revoked)
        {
            return !revoked;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().AuthSessions
            .AnyAsync(s => s.Id == sessionId && s.RevokedAt == null, cancellationToken);
    }
}
