using FluentValidation;

namespace Ticketing.Application.Door.Commands.CheckInTicket;

public sealed class CheckInTicketCommandValidator : AbstractValidator<CheckInTicketCommand>
{
    public CheckInTicketCommandValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Gate).MaximumLength(50);
    }
}
