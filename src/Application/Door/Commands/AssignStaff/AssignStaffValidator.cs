using FluentValidation;

namespace Ticketing.Application.Door.Commands.AssignStaff;

public sealed class AssignStaffCommandValidator : AbstractValidator<AssignStaffCommand>
{
    public AssignStaffCommandValidator()
    {
        RuleFor(x => x.UserIds).NotNull();
        RuleFor(x => x.UserIds.Count).LessThanOrEqualTo(100).OverridePropertyName("userIds").When(x => x.UserIds is not null);
    }
}
