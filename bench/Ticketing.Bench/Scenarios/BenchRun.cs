using System.Diagnostics;
using Npgsql;
using Ticketing.Domain.Accounts;

namespace Ticketing.Bench.Scenarios;

/// <summary>What every scenario shares: the accounts, the API counted for setup, and a progress line.</summary>
public sealed class BenchRun(BenchOptions options, BenchAccounts accounts, TicketingApi setupApi, TicketingApi arrivalsApi, TicketingApi checkoutApi, TicketingApi dashboard, string connectionString)
{
    public string Id { get; } = $"run{DateTimeOffset.UtcNow:yyyyMMddHHmmss}";

    public BenchOptions Options => options;

    public TicketingApi SetupApi => setupApi;

    /// <summary>The same connections with slots of their own, for queue joins (--concurrency / 2).</summary>
    public TicketingApi ArrivalsApi => arrivalsApi;

    /// <summary>The same connections with slots of their own, for claims, payments and leaving (--concurrency).</summary>
    public TicketingApi CheckoutApi => checkoutApi;

    /// <summary>Outside the load: its own connection, counted nowhere.</summary>
    public TicketingApi Dashboard => dashboard;

    /// <summary>True once the timed phase started with pg_stat_statements reset, so its top statements can be read back.</summary>
    public bool Profiled { get; private set; }

    /// <summary>The CPU seconds the system's processes and the load generator spent in the timed phase, once it ended.</summary>
    public CpuSeconds? Cpu { get; private set; }

    private CpuSplit? _cpu;

    /// <summary>The clock of the timed phase, started after the database's statement statistics are reset.</summary>
    public async Task<Stopwatch> StartTimedPhaseAsync(CancellationToken cancellationToken)
    {
        Profiled = await StatementProfile.ResetAsync(connectionString, cancellationToken);
        _cpu = await CpuSplit.StartAsync(options.Url, connectionString, cancellationToken);
        return Stopwatch.StartNew();
    }

    /// <summary>The end of the timed phase: how long it ran; the CPU split is taken here.</summary>
    public TimeSpan EndTimedPhase(Stopwatch clock)
    {
        clock.Stop();
        Cpu = _cpu?.Stop();
        return clock.Elapsed;
    }

    /// <summary>Tickets sold for the event, from the database: how the run knows it is over, at no cost to the API.</summary>
    public async Task<long> SoldAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(sold), 0)::bigint FROM ticket_types WHERE event_id = @event", connection);
        command.Parameters.AddWithValue("event", eventId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");

    public async Task<(BenchUser Organizer, IReadOnlyList<BenchUser> Customers)> OpenAccountsAsync(int customers, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Log($"opening {customers:N0} customer accounts and an organizer…");
        var organizer = (await accounts.OpenAsync(Id, Roles.Organizer, 1, cancellationToken))[0];
        var opened = await accounts.OpenAsync(Id, Roles.Customer, customers, cancellationToken);
        Log($"accounts open in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return (organizer, opened);
    }

    public async Task FundAsync(IReadOnlyList<(BenchUser User, decimal Amount)> funding, CancellationToken cancellationToken)
    {
        Log($"putting money in {funding.Count:N0} wallets…");
        await accounts.FundAsync(Id, funding, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> for every item, as many at once as the API's slots allow.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, CancellationToken, ValueTask> work, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, work);
}
