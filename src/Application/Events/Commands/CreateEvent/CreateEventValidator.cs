using FluentValidation;

namespace Ticketing.Application.Events.Commands.CreateEvent;

public sealed class CreateEventCommandValidator : AbstractValidator<CreateEventCommand>
{
    public CreateEventCommandValidator() => Include(new EventInputValidator());
}
