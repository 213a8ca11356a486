namespace Ticketing.Domain.Events;

/// <summary>The waiting-room settings of an event: whether customers queue, how fast they are let in, for how long.</summary>
public sealed record QueueSettings(bool Enabled, int AdmissionsPerMinute, int AdmissionWindowMinutes)
{
    /// <summary>The shortest window an admission is ever given: time for a fan who got the push to press "claim".</summary>
    public static readonly TimeSpan ShortestWindow = TimeSpan.FromSeconds(30);

    public static QueueSettings Off { get; } = new(false, 60, 10);

    /// <summary>One admission tick (every second) lets in a sixtieth of the minute's rate, so a minute is paced evenly.</summary>
    public int AdmissionsPerTick => (int)Math.Ceiling(AdmissionsPerMinute / 60.0);

    public TimeSpan AdmissionWindow => TimeSpan.FromMinutes(AdmissionWindowMinutes);

    /// <summary>A quarter of the window, never under <see cref="ShortestWindow"/> (ADR 21).</summary>
    public TimeSpan NearSellOutWindow => TimeSpan.FromTicks(Math.Max(AdmissionWindow.Ticks / 4, ShortestWindow.Ticks));

    /// <summary>
    /// How many this tick may admit: the rate within the minute, the tick's share of it, and never more admitted
    /// customers who have not claimed yet than there are tickets left (each may claim at least one).
    /// </summary>
    public int AdmissionsNow(int admittedInLastMinute, int ticketsLeft, int admittedUnclaimed) =>
        Math.Max(0, Math.Min(Math.Min(AdmissionsPerMinute - admittedInLastMinute, AdmissionsPerTick), ticketsLeft - admittedUnclaimed));

    /// <summary>
    /// The window of an admission issued while <paramref name="ticketsLeft"/> are left, fixed then for good. Near sell-out
    /// — when one window's admissions could take every ticket left — a fan who never claims would hold one of the last
    /// places for the whole window while nobody behind can be let in, so those admissions get the shorter window.
    /// </summary>
    public TimeSpan AdmissionWindowFor(int ticketsLeft) =>
        ticketsLeft <= (long)AdmissionsPerMinute * AdmissionWindowMinutes ? NearSellOutWindow : AdmissionWindow;
}
