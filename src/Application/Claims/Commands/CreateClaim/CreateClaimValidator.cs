using FluentValidation;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Claims.Commands.CreateClaim;

public sealed class CreateClaimCommandValidator : AbstractValidator<CreateClaimCommand>
{
    public CreateClaimCommandValidator()
    {
        When(x => x.SeatIds is { Count: > 0 }, () =>
        {
            RuleFor(x => x.TicketTypeId).Null().WithMessage("Claim either seats or a ticket type and quantity, not both.");
            RuleFor(x => x.Quantity).Null().WithMessage("Claim either seats or a ticket type and quantity, not both.");
            RuleFor(x => x.SeatIds!.Count).LessThanOrEqualTo(EventRules.MaxTicketsPerCustomerLimit).OverridePropertyName("seatIds");
            RuleFor(x => x.SeatIds).Must(s => s!.Distinct().Count() == s!.Count).WithMessage("A seat can be claimed once.");
        }).Otherwise(() =>
        {
            RuleFor(x => x.TicketTypeId).NotEmpty().WithMessage("Give a ticketTypeId and quantity, or seatIds.");
            RuleFor(x => x.Quantity).NotNull().InclusiveBetween(1, EventRules.MaxTicketsPerCustomerLimit);
        });
        RuleFor(x => x.AdmissionToken).MaximumLength(2000);
    }
}
