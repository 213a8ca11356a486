using FluentValidation;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events;

/// <summary>Field rules of <see cref="EventInput"/>, shared by create and update.</summary>
public sealed class EventInputValidator : AbstractValidator<EventInput>
{
    private static readonly string OutOfRange =
        $"Event times lie between {EventRules.EarliestTime:yyyy-MM-dd} and {EventRules.LatestTime:yyyy-MM-dd}.";

    public EventInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(EventRules.MaxTitleLength);
        RuleFor(x => x.Description).MaximumLength(EventRules.MaxDescriptionLength);
        RuleFor(x => x.StartsAt).NotEmpty().Must(EventRules.IsInRange).WithMessage(OutOfRange);
        RuleFor(x => x.EndsAt).Must(EventRules.IsInRange).WithMessage(OutOfRange)
            .DependentRules(() => RuleFor(x => x.EndsAt).GreaterThan(x => x.StartsAt).WithMessage("'Ends At' must be after 'Starts At'."));
        RuleFor(x => x.SaleStartsAt).NotEmpty().Must(EventRules.IsInRange).WithMessage(OutOfRange)
            .DependentRules(() => RuleFor(x => x.SaleStartsAt).LessThan(x => x.EndsAt).WithMessage("The sale must open before the event ends."));
        RuleFor(x => x.SaleEndsAt)
            .Must(t => EventRules.IsInRange(t!.Value)).WithMessage(OutOfRange)
            .DependentRules(() => RuleFor(x => x.SaleEndsAt)
                .GreaterThan(x => x.SaleStartsAt).WithMessage("The sale must close after it opens.")
                .LessThanOrEqualTo(x => x.EndsAt).WithMessage("The sale must close no later than the event ends."))
            .When(x => x.SaleEndsAt is not null);
        RuleFor(x => x.DoorsOpenAt).Must(t => EventRules.IsInRange(t!.Value)).WithMessage(OutOfRange).When(x => x.DoorsOpenAt is not null);
        RuleFor(x => x.DoorsCloseAt).Must(t => EventRules.IsInRange(t!.Value)).WithMessage(OutOfRange).When(x => x.DoorsCloseAt is not null);

        // The door window is derived from the start and end (doors open four hours before by default): compare it
        // only once every time is in range, so the derivation cannot leave the calendar.
        When(x => TimesInRange(x), () =>
        {
            RuleFor(x => x.DoorsCloseAt)
                .Must((x, _) => x.Doors.OpensAt < x.Doors.ClosesAt).WithMessage("The doors must close after they open.")
                .When(x => x.DoorsCloseAt is not null);
            RuleFor(x => x.DoorsOpenAt)
                .Must((x, _) => x.Doors.OpensAt < x.Doors.ClosesAt).WithMessage("The doors must open before the event ends.")
                .When(x => x.DoorsOpenAt is not null && x.DoorsCloseAt is null);
        });
        RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("'Currency' must be an ISO 4217 code such as USD, EUR or NGN.");
        RuleFor(x => x.ClaimTtlMinutes).InclusiveBetween(EventRules.MinClaimTtlMinutes, EventRules.MaxClaimTtlMinutes);
        RuleFor(x => x.MaxTicketsPerCustomer).InclusiveBetween(1, EventRules.MaxTicketsPerCustomerLimit);
        RuleFor(x => x.Queue!.AdmissionsPerMinute).InclusiveBetween(1, EventRules.MaxAdmissionsPerMinute).When(x => x.Queue is not null);
        RuleFor(x => x.Queue!.AdmissionWindowMinutes).InclusiveBetween(1, EventRules.MaxAdmissionWindowMinutes).When(x => x.Queue is not null);

        When(x => !x.IsSeated, () =>
        {
            RuleFor(x => x.TicketTypes)
                .NotEmpty().WithMessage("Give at least one ticket type, or a venueId with seatPrices for a seated event.")
                .Must(t => t is null || t.Count <= EventRules.MaxTicketTypes).WithMessage($"At most {EventRules.MaxTicketTypes} ticket types.")
                .Must(t => t is null || t.Select(x => x?.Name?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == t.Count)
                .WithMessage("Ticket type names must differ.");
            RuleFor(x => x.SeatPrices).Null().WithMessage("Seat prices need a venueId.");
            RuleForEach(x => x.TicketTypes).NotNull().WithMessage("A ticket type is an object, not null.").ChildRules(type =>
            {
                type.RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
                type.RuleFor(t => t.Capacity).InclusiveBetween(EventRules.MinCapacity, EventRules.MaxCapacity);
                type.RuleFor(t => t.Price).InclusiveBetween(0, Money.MaxMajor);
            });
            RuleForEach(x => x.TicketTypes)
                .Must((input, type) => type is null || !Currencies.IsKnown(input.Currency) || Currencies.FitsPrecision(type.Price, input.Currency))
                .WithMessage((input, type) => $"The price of '{type?.Name}' has more decimals than {input.Currency} allows.");
        });

        When(x => x.IsSeated, () =>
        {
            RuleFor(x => x.TicketTypes).Must(t => t is null || t.Count == 0)
                .WithMessage("A seated event sells its venue's seats: give seatPrices instead of ticketTypes.");
            RuleFor(x => x.SeatPrices).NotNull().WithMessage("A seated event needs seatPrices (Standard and/or Deluxe).");
            RuleFor(x => x.SeatPrices!.Standard).InclusiveBetween(0, Money.MaxMajor).When(x => x.SeatPrices?.Standard is not null);
            RuleFor(x => x.SeatPrices!.Deluxe).InclusiveBetween(0, Money.MaxMajor).When(x => x.SeatPrices?.Deluxe is not null);
            RuleFor(x => x.SeatPrices!.Standard)
                .Must((input, price) => !Currencies.IsKnown(input.Currency) || Currencies.FitsPrecision(price!.Value, input.Currency))
                .When(x => x.SeatPrices?.Standard is not null).WithMessage(x => $"The price has more decimals than {x.Currency} allows.");
            RuleFor(x => x.SeatPrices!.Deluxe)
                .Must((input, price) => !Currencies.IsKnown(input.Currency) || Currencies.FitsPrecision(price!.Value, input.Currency))
                .When(x => x.SeatPrices?.Deluxe is not null).WithMessage(x => $"The price has more decimals than {x.Currency} allows.");
        });
    }

    private static bool TimesInRange(EventInput x) =>
        new[] { x.StartsAt, x.EndsAt, x.SaleStartsAt, x.SaleEndsAt, x.DoorsOpenAt, x.DoorsCloseAt }.All(t => t is not { } time || EventRules.IsInRange(time));
}
