using FluentValidation;
using Ticketing.Application.Accounts;

namespace Ticketing.Application.Users.Commands.CreateUser;

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).ValidNewPassword();
        RuleFor(x => x.DisplayName).ValidDisplayName();
        RuleFor(x => x.Role).NotEmpty().Must(RoleNames.IsKnown).WithMessage(RoleNames.UnknownRoleMessage);
    }
}
