namespace Ticketing.Bench.Scenarios;

/// <summary>What a scenario hands back for the summary: its event, the timed phase and what happened in it.</summary>
public sealed record ScenarioRun(
    Guid EventId,
    int Users,
    int Tickets,
    int Clients,
    TimeSpan Setup,
    TimeSpan Duration,
    long Claims,
    Metrics Timed)
{
    /// <summary>queue-poll only: answered polls per second.</summary>
    public double? PollsPerSecond { get; init; }

    /// <summary>event-read only: answered anonymous event reads per second.</summary>
    public double? ReadsPerSecond { get; init; }

    /// <summary>floor, and measured first by queue-poll and event-read: GET /health/live answered per second.</summary>
    public double? FloorPerSecond { get; init; }

    /// <summary>onsale only: the users who held a live connection and what they heard.</summary>
    public LiveSummary? Live { get; init; }
}

/// <param name="Listeners">Users chosen to hold a live connection.</param>
/// <param name="Connected">Of them, those whose connection opened (the rest polled).</param>
/// <param name="PushesHeard">Pushes received by method (admitted, soldOut).</param>
public sealed record LiveSummary(int Listeners, long Connected, IReadOnlyDictionary<string, long> PushesHeard);
