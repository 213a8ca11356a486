using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Ticketing.Bench.Scenarios;

namespace Ticketing.Bench;

/// <summary>The JSON a run writes (--out) and the table it prints.</summary>
public sealed record Summary
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Scenario { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required MachineInfo Machine { get; init; }

    public required int Users { get; init; }

    public required int Tickets { get; init; }

    public int? Clients { get; init; }

    public required long Sold { get; init; }

    public required long Held { get; init; }

    public required long Oversold { get; init; }

    public required long InvariantViolations { get; init; }

    public required IReadOnlyDictionary<string, long> Invariants { get; init; }

    public required double SetupSeconds { get; init; }

    public required double DurationSeconds { get; init; }

    public required long Claims { get; init; }

    public required double ClaimsPerSecond { get; init; }

    public double? PollsPerSecond { get; init; }

    public double? ReadsPerSecond { get; init; }

    /// <summary>GET /health/live answered per second, measured in the same run (floor, queue-poll, event-read).</summary>
    public double? FloorPerSecond { get; init; }

    /// <summary>pollsPerSecond or readsPerSecond over floorPerSecond.</summary>
    public double? RatioToFloor { get; init; }

    /// <summary>onsale: the users who held a live connection (--listeners), how many connected, the pushes they heard.</summary>
    public LiveSummary? Live { get; init; }

    public required long Requests { get; init; }

    public required double RequestsPerSecond { get; init; }

    /// <summary>Requests of the timed phase per ticket sold (or held, in hot-claim where nobody pays).</summary>
    public double? RequestsPerTicket { get; init; }

    public required IReadOnlyDictionary<string, Percentiles> LatencyMs { get; init; }

    public required IReadOnlyDictionary<string, long> ErrorsByStatus { get; init; }

    /// <summary>The same errors by endpoint, status and problem code ("claim 403 ADMISSION_INVALID").</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByCode { get; init; }

    /// <summary>By endpoint, requests the runner did not send because their admission lapsed while they waited for a slot.</summary>
    public required IReadOnlyDictionary<string, long> LapsedInRunner { get; init; }

    /// <summary>Errors other than 409 and 410 (the answers a sell-out is made of): 4xx the bench did not expect, 5xx, no answer.</summary>
    public required long UnexpectedErrors { get; init; }

    public double? RawCeilingPerSecond { get; init; }

    public double? RawCeilingSeconds { get; init; }

    public double? RatioToRaw { get; init; }

    public required double PasswordHashMs { get; init; }

    /// <summary>CPU seconds of the timed phase: WebApi, Worker, PostgreSQL, the load generator, the rest, idle.</summary>
    public CpuSeconds? CpuSeconds { get; init; }

    /// <summary>The timed phase's heaviest statements (pg_stat_statements), when the server records them.</summary>
    public IReadOnlyList<StatementCost>? TopStatements { get; init; }

    public static Summary From(BenchOptions options, DateTimeOffset startedAt, ScenarioRun run, InvariantReport invariants, TimeSpan passwordHash)
    {
        var seconds = run.Duration.TotalSeconds;
        var errors = run.Timed.ErrorsByStatus();
        var taken = options.Scenario == "hot-claim" ? invariants.Sold + invariants.Held : invariants.Sold;
        return new Summary
        {
            Scenario = options.Scenario,
            StartedAt = startedAt,
            Machine = MachineInfo.Current(),
            Users = run.Users,
            Tickets = run.Tickets,
            Clients = run.Clients == 0 ? null : run.Clients,
            Sold = invariants.Sold,
            Held = invariants.Held,
            Oversold = invariants.Oversold,
            InvariantViolations = invariants.ViolationCount,
            Invariants = invariants.Violations,
            SetupSeconds = Math.Round(run.Setup.TotalSeconds, 1),
            DurationSeconds = Math.Round(seconds, 1),
            Claims = run.Claims,
            ClaimsPerSecond = Math.Round(run.Claims / seconds, 1),
            PollsPerSecond = run.PollsPerSecond is { } polls ? Math.Round(polls, 1) : null,
            Live = run.Live,
            ReadsPerSecond = run.ReadsPerSecond is { } reads ? Math.Round(reads, 1) : null,
            FloorPerSecond = run.FloorPerSecond is { } floor ? Math.Round(floor, 1) : null,
            RatioToFloor = run.FloorPerSecond is > 0 && (run.PollsPerSecond ?? run.ReadsPerSecond) is { } measured
                ? Math.Round(measured / run.FloorPerSecond.Value, 3)
                : null,
            Requests = run.Timed.Requests,
            RequestsPerSecond = Math.Round(run.Timed.Requests / seconds, 1),
            RequestsPerTicket = taken == 0 ? null : Math.Round((double)run.Timed.Requests / taken, 2),
            LatencyMs = run.Timed.Latencies(),
            ErrorsByStatus = errors,
            ErrorsByCode = run.Timed.ErrorsByCode(),
            LapsedInRunner = run.Timed.LapsedInRunner(),
            UnexpectedErrors = errors.Where(e => e.Key is not ("409" or "410")).Sum(e => e.Value),
            PasswordHashMs = Math.Round(passwordHash.TotalMilliseconds, 1),
        };
    }

    public Summary WithCeiling(double perSecond, int seconds) => this with
    {
        RawCeilingPerSecond = Math.Round(perSecond, 1),
        RawCeilingSeconds = seconds,
        RatioToRaw = perSecond > 0 && Claims > 0 ? Math.Round(ClaimsPerSecond / perSecond, 3) : null,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToTable()
    {
        var table = new StringBuilder();
        void Row(string name, string value) => table.AppendLine(CultureInfo.InvariantCulture, $"  {name,-24} {value}");
        table.AppendLine(CultureInfo.InvariantCulture, $"{Scenario} — {StartedAt:yyyy-MM-dd HH:mm} UTC, {Machine.Cores} cores, {Machine.Os}");
        Row("users / tickets", $"{Users:N0} / {Tickets:N0}" + (Clients is { } c ? $" ({c:N0} clients)" : string.Empty));
        Row("sold / held", $"{Sold:N0} / {Held:N0}");
        Row("oversold", Oversold.ToString("N0", CultureInfo.InvariantCulture));
        Row("invariant violations", InvariantViolations.ToString("N0", CultureInfo.InvariantCulture));
        Row("setup / timed", $"{SetupSeconds:F1} s / {DurationSeconds:F1} s");
        Row("claims", $"{Claims:N0} ({ClaimsPerSecond:F1}/s)");
        if (PollsPerSecond is { } polls)
        {
            Row("polls", $"{polls:F1}/s");
        }

        if (ReadsPerSecond is { } reads)
        {
            Row("event reads", $"{reads:F1}/s");
        }

        if (FloorPerSecond is { } floor)
        {
            Row("floor (/health/live)", $"{floor:F1}/s" + (RatioToFloor is { } ratio ? $"; this scenario at {ratio:P1} of it" : string.Empty));
        }

        if (Live is { } live)
        {
            Row("listeners", $"{live.Connected:N0} connected of {live.Listeners:N0}; heard " + (live.PushesHeard.Count == 0 ? "nothing" : string.Join(", ", live.PushesHeard.Select(p => $"{p.Key} {p.Value:N0}"))));
        }

        Row("requests", $"{Requests:N0} ({RequestsPerSecond:F1}/s" + (RequestsPerTicket is { } r ? $", {r:F2} per ticket)" : ")"));
        Row("raw ceiling", RawCeilingPerSecond is { } raw ? $"{raw:F1} updates/s over {RawCeilingSeconds:F0} s; claims at {RatioToRaw:P1} of it" : "not measured");
        Row("errors", ErrorsByStatus.Count == 0 ? "none" : string.Join(", ", ErrorsByStatus.Select(e => $"{e.Key}: {e.Value:N0}")) + $" (unexpected: {UnexpectedErrors:N0})");
        foreach (var (what, count) in ErrorsByCode)
        {
            Row(string.Empty, $"{count,7:N0}  {what}");
        }

        if (LapsedInRunner.Count > 0)
        {
            Row("lapsed in the runner", string.Join(", ", LapsedInRunner.Select(l => $"{l.Key} {l.Value:N0}")) + " (not sent: the admission ended while waiting for a slot)");
        }

        table.AppendLine(CultureInfo.InvariantCulture, $"  {"latency ms",-24} {"count",9} {"p50",8} {"p95",8} {"p99",8} {"max",8}");
        foreach (var (endpoint, p) in LatencyMs)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"  {endpoint,-24} {p.Count,9:N0} {p.P50,8:F1} {p.P95,8:F1} {p.P99,8:F1} {p.Max,8:F1}");
        }

        if (CpuSeconds is { } cpu)
        {
            static string Of(double? seconds) => seconds is { } s ? $"{s:F1}" : "?";
            Row("CPU seconds", $"WebApi {Of(cpu.WebApi)}, Worker {Of(cpu.Worker)}, PostgreSQL {Of(cpu.Postgres)}, load generator {Of(cpu.LoadGenerator)}, other {cpu.Other:F1}, idle {cpu.Idle:F1}");
        }

        if (TopStatements is { Count: > 0 } top)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"  {"database time ms",-24} {"calls",9} {"mean",8}  statement");
            foreach (var statement in top.Take(5))
            {
                var query = statement.Query.Length > 90 ? statement.Query[..90] + "…" : statement.Query;
                table.AppendLine(CultureInfo.InvariantCulture, $"  {statement.TotalMs,-24:F0} {statement.Calls,9:N0} {statement.MeanMs,8:F2}  {query}");
            }
        }

        return table.ToString();
    }
}

public sealed record MachineInfo(int Cores, string Os, string Runtime)
{
    public static MachineInfo Current() => new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
}
