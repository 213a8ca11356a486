using Ticketing.Domain.Common;

namespace Ticketing.Domain.Venues;

public sealed class VenueSection : Entity
{
    private readonly List<VenueRow> _rows = [];

    private VenueSection()
    {
        Name = string.Empty;
    }

    internal VenueSection(Guid venueId, int position, SectionPlan plan)
    {
        if (plan.Rows.Count == 0)
        {
            throw new DomainException(Errors.InvalidState, $"Section '{plan.Name}' needs at least one row.");
        }

        VenueId = venueId;
        Position = position;
        Name = plan.Name;
        SeatType = plan.SeatType;
        for (var i = 0; i < plan.Rows.Count; i++)
        {
            _rows.Add(new VenueRow(Id, i, plan.Rows[i]));
        }
    }

    public Guid VenueId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public SeatType SeatType { get; private set; }

    public IReadOnlyList<VenueRow> Rows => _rows.OrderBy(r => r.Position).ToList();

    public int SeatCount => _rows.Sum(r => r.Seats);
}
