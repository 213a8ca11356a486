namespace Ticketing.WebApi.Live;

/// <summary>Section "Live": limits of the real-time hub.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>Queues and dashboards one connection may follow at once; each costs memory and pushes on every instance.</summary>
    public int MaxWatchedEvents { get; set; } = 20;
}
