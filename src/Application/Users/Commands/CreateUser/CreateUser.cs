using MediatR;
using Ticketing.Application.Accounts.Commands.Register;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Users.Commands.CreateUser;

/// <summary>An Admin opens an account with a given role (organizers, staff, other admins).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record CreateUserCommand(string Email, string Password, string DisplayName, string Role) : IRequest<RegisteredUserDto>;

public sealed class CreateUserCommandHandler(IIdentityService identity, IApplicationDbContext context, AuditTrail audit)
    : IRequestHandler<CreateUserCommand, RegisteredUserDto>
{
    public async Task<RegisteredUserDto> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var role = RoleNames.Canonical(request.Role);
        var userId = await identity.CreateUserAsync(request.Email.Trim(), request.Password, request.DisplayName.Trim(), [role], cancellationToken);
        audit.Record("user.created", userId, $"role: {role}");
        await context.SaveChangesAsync(cancellationToken);
        return new RegisteredUserDto(userId);
    }
}
