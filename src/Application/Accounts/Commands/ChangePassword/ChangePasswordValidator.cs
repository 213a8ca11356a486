using FluentValidation;

namespace Ticketing.Application.Accounts.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(AccountRules.MaxPasswordLength);
        RuleFor(x => x.NewPassword).ValidNewPassword();
    }
}
