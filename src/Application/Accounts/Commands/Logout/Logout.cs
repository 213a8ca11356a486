using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Accounts.Commands.Logout;

/// <summary>Ends the caller's session: its refresh tokens and the access token in use stop working.</summary>
[Authorize]
public sealed record LogoutCommand : IRequest<Unit>;

public sealed class LogoutCommandHandler(IApplicationDbContext context, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        var session = await context.AuthSessions.SingleOrDefaultAsync(
            s => s.Id == currentUser.SessionId && s.UserId == currentUser.UserId, cancellationToken);
        if (session is not null)
        {
            session.Revoke(timeProvider.GetUtcNow(), "logout");
            await context.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
