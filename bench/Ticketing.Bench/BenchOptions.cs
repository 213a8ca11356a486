using System.Globalization;
using System.Net;

namespace Ticketing.Bench;

/// <summary>The command line: <c>SCENARIO --url URL [--out FILE.json] [--name value]…</c>; see bench/README.md.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: bench/run.sh SCENARIO --url URL [--out FILE.json] [options]

        scenarios
          onsale      --users N (50000) --tickets M (5000)   a queued on-sale from first join to sold out
          hot-claim   --clients C (100) --tickets M (5000)   C concurrent claimers on one un-queued ticket type
          queue-poll  --users N (50000) --seconds S (30)      position polls per second at N waiting users
          event-read  --seconds S (30)                        anonymous GET /api/events/{id} per second
          floor       --seconds S (30)                        GET /health/live per second: the framework's floor

        options
          --concurrency K          most requests in flight at once (256), plus K/2 for queue joins and K for checkout
          --max-seconds S          the timed phase stops after S seconds whatever happened (450)
          --admissions-per-minute  the on-sale event's admission rate (12000)
          --wallet-share F         onsale: share of users with money in their wallet (0.1)
          --ceiling-seconds S      how long pgbench measures the raw ceiling (the timed phase's, 10–60)
          --seed N                 the random seed of the users' behaviour (42)
          --clients C              closed-loop clients of hot-claim, queue-poll, event-read and floor (100)
          --floor-seconds S        queue-poll, event-read: measure the floor first for S s (--seconds); 0 skips it
          --listeners P            onsale: share of users who hold a live connection and wait for pushes (0.9)
          --webhook-url U          onsale: send the provider's signed webhooks to U, not --url (the API behind a proxy)
        """;

    public required string Scenario { get; init; }

    public required Uri Url { get; init; }

    /// <summary>Where the provider's signed notices go when not to <see cref="Url"/>: the API itself behind a validating proxy that re-encodes bodies (and so breaks their signature).</summary>
    public Uri? WebhookUrl { get; init; }

    public string? OutFile { get; init; }

    public int Users { get; init; }

    public int Tickets { get; init; }

    public int Clients { get; init; }

    public int Seconds { get; init; }

    public int Concurrency { get; init; }

    public int MaxSeconds { get; init; }

    public int AdmissionsPerMinute { get; init; }

    public double WalletShare { get; init; }

    public int? CeilingSeconds { get; init; }

    /// <summary>Seconds of floor before queue-poll and event-read; null: as long as --seconds; 0: not measured.</summary>
    public int? FloorSeconds { get; init; }

    public double Listeners { get; init; }

    public int Seed { get; init; }

    public string? PgBench { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            throw new UsageException(string.Empty);
        }

        var scenario = args[0];
        if (scenario is not ("onsale" or "hot-claim" or "queue-poll" or "event-read" or "floor"))
        {
            throw new UsageException($"Unknown scenario '{scenario}'.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new UsageException($"Expected '--name value' at '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var known = new[] { "url", "out", "users", "tickets", "clients", "seconds", "concurrency", "max-seconds", "admissions-per-minute", "wallet-share", "ceiling-seconds", "seed", "pgbench", "floor-seconds", "listeners", "webhook-url" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new UsageException($"Unknown option '--{unknown}'.");
        }

        var options = new BenchOptions
        {
            Scenario = scenario,
            Url = LoopbackUrl(values.GetValueOrDefault("url") ?? throw new UsageException("--url is required.")),
            WebhookUrl = values.GetValueOrDefault("webhook-url") is { } webhookUrl ? LoopbackUrl(webhookUrl) : null,
            OutFile = values.GetValueOrDefault("out"),
            Users = Number(values, "users", 50_000, 1, 1_000_000),
            Tickets = Number(values, "tickets", 5_000, 1, 1_000_000),
            Clients = Number(values, "clients", 100, 1, 10_000),
            Seconds = Number(values, "seconds", 30, 1, 3_600),
            Concurrency = Number(values, "concurrency", 256, 1, 10_000),
            MaxSeconds = Number(values, "max-seconds", 450, 5, 3_600),
            AdmissionsPerMinute = Number(values, "admissions-per-minute", 12_000, 1, 100_000),
            WalletShare = Fraction(values, "wallet-share", 0.1),
            CeilingSeconds = values.ContainsKey("ceiling-seconds") ? Number(values, "ceiling-seconds", 0, 1, 3_600) : null,
            FloorSeconds = values.ContainsKey("floor-seconds") ? Number(values, "floor-seconds", 0, 0, 3_600) : null,
            Listeners = Fraction(values, "listeners", 0.9),
            Seed = Number(values, "seed", 42, int.MinValue, int.MaxValue),
            PgBench = values.GetValueOrDefault("pgbench"),
        };
        return options;
    }

    /// <summary>Load is only ever generated against this machine: a typo must not turn the bench on someone's server.</summary>
    private static Uri LoopbackUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an absolute http(s) URL, not '{value}'.");
        }

        var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? url : throw new UsageException($"--url must be on this machine (loopback), not {url.Host}.");
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}.");
    }

    private static double Fraction(Dictionary<string, string> values, string name, double fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1 ? value
        : throw new UsageException($"--{name} must be a number from 0 to 1.");
}

public sealed class UsageException(string message) : Exception(message);
