namespace Ticketing.Application.Events;

/// <summary>Settings of the public event listing (section "Events").</summary>
public sealed class EventListingOptions
{
    public const string SectionName = "Events";

    /// <summary>How far ahead customers and anonymous visitors see events (by start time).</summary>
    public int PublicListingDays { get; set; } = 7;
}
