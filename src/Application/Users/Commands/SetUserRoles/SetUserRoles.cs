using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Accounts;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Users.Commands.SetUserRoles;

/// <summary>
/// Replaces a user's roles. Taking a role away ends every session of the user at once: access tokens carry their
/// roles, so a demoted organizer or staff member would otherwise keep the powers for the token's life. A role only
/// added reaches the user at the next refresh.
/// </summary>
[Authorize(Roles = Domain.Accounts.Roles.Admin)]
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : IRequest<UserDto>, ITransactional;

public sealed class SetUserRolesCommandHandler(IIdentityService identity, IApplicationDbContext context, AuditTrail audit, TimeProvider timeProvider)
    : IRequestHandler<SetUserRolesCommand, UserDto>
{
    public async Task<UserDto> Handle(SetUserRolesCommand request, CancellationToken cancellationToken)
    {
        var before = await identity.FindUserAsync(request.UserId, cancellationToken) ?? throw new NotFoundException("User");
        var roles = request.Roles.Select(RoleNames.Canonical).Distinct().Order().ToArray();

        // The roles, the ended sessions and the audit row commit together: roles gone but sessions live would let
        // the demoted user keep the powers, and a retry would see nothing removed and end nothing.
        if (!await identity.SetRolesAsync(request.UserId, roles, cancellationToken))
        {
            throw new NotFoundException("User");
        }

        audit.Record("role.changed", request.UserId, $"roles: {string.Join(", ", roles)}");
        if (before.Roles.Except(roles).Any())
        {
            var now = timeProvider.GetUtcNow();
            foreach (var session in await context.AuthSessions.Where(s => s.UserId == request.UserId && s.RevokedAt == null).ToListAsync(cancellationToken))
            {
                session.Revoke(now, "a role was removed");
            }
        }

        await context.SaveChangesAsync(cancellationToken);

        var user = await identity.FindUserAsync(request.UserId, cancellationToken) ?? throw new NotFoundException("User");
        return UserDto.From(user);
    }
}
