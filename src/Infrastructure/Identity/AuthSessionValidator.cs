using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Identity;

/// <summary>
/// An access token is only as good as its session: after logout or a detected refresh-token reuse the token
/// stops working at once, not when it expires. One primary-key lookup per authenticated request.
/// </summary>
public sealed class AuthSessionValidator(ApplicationDbContext context) : IAuthSessionValidator
{
    public Task<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken) =>
        context.AuthSessions.AnyAsync(s => s.Id == sessionId && s.RevokedAt == null, cancellationToken);
}
