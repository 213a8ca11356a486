using FluentValidation;

namespace Ticketing.Application.BoxOffice.Commands.SellAtBoxOffice;

public sealed class SellAtBoxOfficeCommandValidator : AbstractValidator<SellAtBoxOfficeCommand>
{
    public const int MaxTicketsPerSale = 50;

    public SellAtBoxOfficeCommandValidator()
    {
        RuleFor(x => x.CustomerName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.CustomerEmail).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrWhiteSpace(x.CustomerEmail));
        RuleFor(x => x.CustomerPhone).MaximumLength(40).Matches(@"^\+?[0-9 ()\-]{5,40}$").When(x => !string.IsNullOrWhiteSpace(x.CustomerPhone))
            .WithMessage("'Customer Phone' must be a phone number.");
        When(x => x.SeatIds is { Count: > 0 }, () =>
        {
            RuleFor(x => x.TicketTypeId).Null().WithMessage("Sell either seats or a ticket type and quantity, not both.");
            RuleFor(x => x.SeatIds!.Count).LessThanOrEqualTo(MaxTicketsPerSale).OverridePropertyName("seatIds");
            RuleFor(x => x.SeatIds).Must(s => s!.Distinct().Count() == s!.Count).WithMessage("A seat can be sold once.");
        }).Otherwise(() =>
        {
            RuleFor(x => x.TicketTypeId).NotEmpty().WithMessage("Give a ticketTypeId and quantity, or seatIds.");
            RuleFor(x => x.Quantity).NotNull().InclusiveBetween(1, MaxTicketsPerSale);
        });
    }
}
