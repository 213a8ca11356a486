using System.Collections.Concurrent;

namespace Ticketing.Bench;

/// <summary>Every request's latency and outcome, by endpoint. One instance per phase, so setup never counts.</summary>
public sealed class Metrics
{
    public const int NetworkError = 0;

    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);

    public long Requests => _endpoints.Values.Sum(e => e.Samples);

    private readonly ConcurrentDictionary<string, long> _problems = new(StringComparer.Ordinal);

    /// <param name="code">The problem's <c>code</c> of an answer that was not 2xx, or the exception that meant no answer.</param>
    public void Record(string endpoint, int status, double milliseconds, string? code = null)
    {
        _endpoints.GetOrAdd(endpoint, _ => new Endpoint()).Add(status, milliseconds);
        if (status is < 200 or >= 300)
        {
            _problems.AddOrUpdate($"{endpoint} {(status == NetworkError ? "network" : status)} {code ?? "-"}", 1, (_, n) => n + 1);
        }
    }

    private readonly ConcurrentDictionary<string, long> _lapsed = new(StringComparer.Ordinal);

    /// <summary>A request not sent: its deadline (an admission's expiry) passed while it waited for a runner slot.</summary>
    public void RecordLapsedInRunner(string endpoint) => _lapsed.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    /// <summary>By endpoint, the requests the runner could not send before their deadline (<see cref="RecordLapsedInRunner"/>).</summary>
    public SortedDictionary<string, long> LapsedInRunner() => new(_lapsed, StringComparer.Ordinal);

    /// <summary>What the errors were: "claim 403 ADMISSION_INVALID" and the like.</summary>
    public SortedDictionary<string, long> ErrorsByCode() => new(_problems, StringComparer.Ordinal);

    public long Count(string endpoint, Func<int, bool> status) =>
        _endpoints.TryGetValue(endpoint, out var found) ? found.Count(status) : 0;

    public SortedDictionary<string, Percentiles> Latencies() =>
        new(_endpoints.ToDictionary(e => e.Key, e => e.Value.Percentiles()), StringComparer.Ordinal);

    /// <summary>Non-2xx answers by status ("409"), and "network" for requests that got no answer at all.</summary>
    public SortedDictionary<string, long> ErrorsByStatus()
    {
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (status, count) in _endpoints.Values.SelectMany(e => e.Statuses()).Where(s => s.Key is < 200 or >= 300))
        {
            var key = status == NetworkError ? "network" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            errors[key] = errors.GetValueOrDefault(key) + count;
        }

        return errors;
    }

    private sealed class Endpoint
    {
        private readonly List<double> _samples = [];
        private readonly Dictionary<int, long> _statuses = [];

        public long Samples
        {
            get
            {
                lock (_samples)
                {
                    return _samples.Count;
                }
            }
        }

        public void Add(int status, double milliseconds)
        {
            lock (_samples)
            {
                _samples.Add(milliseconds);
                _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            }
        }

        public long Count(Func<int, bool> status)
        {
            lock (_samples)
            {
                return _statuses.Where(s => status(s.Key)).Sum(s => s.Value);
            }
        }

        public List<KeyValuePair<int, long>> Statuses()
        {
            lock (_samples)
            {
                return [.. _statuses];
            }
        }

        public Percentiles Percentiles()
        {
            double[] sorted;
            lock (_samples)
            {
                sorted = [.. _samples];
            }

            Array.Sort(sorted);
            return new Percentiles(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1));
        }

        // Nearest rank: the smallest sample with at least p of all samples at or below it.
        private static double At(double[] sorted, double p) =>
            sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
    }
}

public sealed record Percentiles(long Count, double P50, double P95, double P99, double Max);
