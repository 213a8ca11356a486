using FluentValidation;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.Commands.VerifyOtp;

public sealed class VerifyOtpCommandValidator : AbstractValidator<VerifyOtpCommand>
{
    public VerifyOtpCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Code).NotEmpty().Matches($"^\\s*[0-9]{{{OneTimeCode.Digits}}}\\s*$")
            .WithMessage($"The code is the {OneTimeCode.Digits} digits from the email.");
    }
}
