using Ticketing.Domain.Common;

namespace Ticketing.Domain.Venues;

/// <summary>
/// A place with a seat map: sections of one seat type, each a list of rows with a number of seats. A seat is
/// named by section, row label and number (1…seats). The map is fixed once created, since events price and
/// sell against it.
/// </summary>
public sealed class Venue : AuditableEntity, IAggregateRoot
{
    public const int MaxSeats = 100_000;

    private readonly List<VenueSection> _sections = [];

    private Venue()
    {
        Name = Address = TimeZone = string.Empty;
    }

    public Guid OwnerId { get; private set; }

    public string Name { get; private set; }

    public string Address { get; private set; }

    /// <summary>IANA time zone id of the place, for showing local times.</summary>
    public string TimeZone { get; private set; }

    public IReadOnlyList<VenueSection> Sections => _sections.OrderBy(s => s.Position).ToList();

    public int SeatCount => _sections.Sum(s => s.SeatCount);

    public static Venue Create(Guid ownerId, string name, string address, string timeZone, IReadOnlyList<SectionPlan> sections)
    {
        if (sections.Count == 0)
        {
            throw new DomainException(Errors.InvalidState, "A venue needs at least one section.");
        }

        var venue = new Venue { OwnerId = ownerId, Name = name, Address = address, TimeZone = timeZone };
        for (var i = 0; i < sections.Count; i++)
        {
            venue._sections.Add(new VenueSection(venue.Id, i, sections[i]));
        }

        if (venue.SeatCount > MaxSeats)
        {
            throw new DomainException(Errors.InvalidState, $"A venue holds at most {MaxSeats} seats.");
        }

        return venue;
    }

    public IReadOnlyDictionary<SeatType, int> SeatsByType() =>
        _sections.GroupBy(s => s.SeatType).ToDictionary(g => g.Key, g => g.Sum(s => s.SeatCount));
}

public sealed record SectionPlan(string Name, SeatType SeatType, IReadOnlyList<RowPlan> Rows);

public sealed record RowPlan(string Label, int Seats);
