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
}
