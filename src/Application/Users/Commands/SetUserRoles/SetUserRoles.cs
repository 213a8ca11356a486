using MediatR;
using Ticketing.Application.Accounts;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Users.Commands.SetUserRoles;

/// <summary>
/// Replaces a user's roles. Access tokens already issued keep their roles until they expire (minutes); the
/// next refresh carries the new ones.
/// </summary>
[Authorize(Roles = Domain.Accounts.Roles.Admin)]
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : IRequest<UserDto>;

public sealed class SetUserRolesCommandHandler(IIdentityService identity, IApplicationDbContext context, AuditTrail audit)
    : IRequestHandler<SetUserRolesCommand, UserDto>
{
    public async Task<UserDto> Handle(SetUserRolesCommand request, CancellationToken cancellationToken)
    {
        var roles = request.Roles.Select(RoleNames.Canonical).Distinct().Order().ToArray();
        if (!await identity.SetRolesAsync(request.UserId, roles, cancellationToken))
        {
            throw new NotFoundException("User");
        }

        audit.Record("role.changed", request.UserId, $"roles: {string.Join(", ", roles)}");
        await context.SaveChangesAsync(cancellationToken);

        var user = await identity.FindUserAsync(request.UserId, cancellationToken) ?? throw new NotFoundException("User");
        return UserDto.From(user);
    }
}
