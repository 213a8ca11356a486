using FluentValidation;

namespace Ticketing.Application.Accounts.Commands.RequestOtp;

public sealed class RequestOtpCommandValidator : AbstractValidator<RequestOtpCommand>
{
    public RequestOtpCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail();
    }
}
