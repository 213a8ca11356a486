using FluentValidation;

namespace Ticketing.Application.Events.Commands.UpdateEvent;

public sealed class UpdateEventCommandValidator : AbstractValidator<UpdateEventCommand>
{
    public UpdateEventCommandValidator() => Include(new EventInputValidator());
}
