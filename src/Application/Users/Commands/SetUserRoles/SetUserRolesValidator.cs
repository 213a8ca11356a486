using FluentValidation;

namespace Ticketing.Application.Users.Commands.SetUserRoles;

public sealed class SetUserRolesCommandValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesCommandValidator()
    {
        RuleFor(x => x.Roles).NotNull().NotEmpty().WithMessage("At least one role is required.");
        RuleForEach(x => x.Roles).Must(RoleNames.IsKnown).WithMessage(RoleNames.UnknownRoleMessage);
    }
}
