using FluentValidation;
using Ticketing.Domain.Venues;

namespace Ticketing.Application.Venues.Commands.CreateVenue;

public sealed class CreateVenueCommandValidator : AbstractValidator<CreateVenueCommand>
{
    public const int MaxSeatsPerRow = 1_000;

    public CreateVenueCommandValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Address).NotNull().MaximumLength(500);
        RuleFor(x => x.TimeZone).NotEmpty().Must(BeAnIanaTimeZone).WithMessage("'Time Zone' must be an IANA time zone id such as Europe/London.");
        RuleFor(x => x.Sections).NotEmpty().WithMessage("A venue needs at least one section.");
        RuleForEach(x => x.Sections).NotNull().WithMessage("A section is an object, not null.").ChildRules(section =>
        {
            section.RuleFor(s => s.Name).NotEmpty().MaximumLength(100);
            section.RuleFor(s => s.SeatType).IsInEnum();
            section.RuleFor(s => s.Rows).NotEmpty().WithMessage("A section needs at least one row.");
            section.RuleForEach(s => s.Rows).NotNull().WithMessage("A row is an object, not null.").ChildRules(row =>
            {
                row.RuleFor(r => r.Label).NotEmpty().MaximumLength(20);
                row.RuleFor(r => r.Seats).InclusiveBetween(1, MaxSeatsPerRow);
            });
            section.RuleFor(s => s.Rows)
                .Must(rows => rows is null || rows.Select(r => r?.Label?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == rows.Count)
                .WithMessage("Row labels must differ within a section.");
        });
        RuleFor(x => x.Sections)
            .Must(sections => sections is null || sections.Select(s => s?.Name?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == sections.Count)
            .WithMessage("Section names must differ.")
            .Must(sections => sections is null || sections.Where(s => s?.Rows is not null).SelectMany(s => s.Rows).Sum(r => (long)(r?.Seats ?? 0)) <= Venue.MaxSeats)
            .WithMessage($"A venue holds at most {Venue.MaxSeats} seats.");
    }

    private static bool BeAnIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
