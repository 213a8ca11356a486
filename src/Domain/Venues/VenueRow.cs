using Ticketing.Domain.Common;

namespace Ticketing.Domain.Venues;

public sealed class VenueRow : Entity
{
    private VenueRow()
    {
        Label = string.Empty;
    }

    internal VenueRow(Guid sectionId, int position, RowPlan plan)
    {
        if (plan.Seats < 1)
        {
            throw new DomainException(Errors.InvalidState, $"Row '{plan.Label}' needs at least one seat.");
        }

        SectionId = sectionId;
        Position = position;
        Label = plan.Label;
        Seats = plan.Seats;
    }

    public Guid SectionId { get; private set; }

    public int Position { get; private set; }

    public string Label { get; private set; }

    /// <summary>How many seats the row has; they are numbered 1 to this.</summary>
    public int Seats { get; private set; }
}
