namespace Ticketing.Application.Events;

/// <summary>Settings of the public event listing (section "Events").</summary>
public sealed class EventListingOptions
{
    public const string SectionName = "Events";

    /// <summary>How far ahead customers and anonymous visitors see events (by start time).</summary>
    public int PublicListingDays { get; set; } = 7;

    /// <summary>
    /// How old an event read from the per-instance cache may be: the bound on how stale its availability numbers are
    /// (changes to the event itself reach every instance at once).
    /// </summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromSeconds(1);
}
