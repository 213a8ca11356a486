using System.Globalization;
using Npgsql;

namespace Ticketing.Bench;

/// <summary>
/// Where the machine's CPU went during the timed phase, in CPU seconds, from the kernel's process accounting
/// (/proc/&lt;pid&gt;/stat utime + stime, /proc/stat for the machine): the WebApi that serves --url, its sibling Worker
/// (started by the same scripts/run.sh), every process of the PostgreSQL cluster (the postmaster, found as the parent
/// of a backend of ours, with all its children; backends that exit are counted in its children's time), this load
/// generator, everything else, and idle. Linux only; a process it cannot find is reported as null.
/// </summary>
public sealed class CpuSplit
{
    // USER_HZ: the unit of /proc times, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly int? _webApi;
    private readonly int? _worker;
    private readonly int? _postmaster;
    private readonly Sample _start;

    private CpuSplit(int? webApi, int? worker, int? postmaster)
    {
        _webApi = webApi;
        _worker = worker;
        _postmaster = postmaster;
        _start = Take();
    }

    /// <summary>Finds the processes and takes the first sample.</summary>
    public static async Task<CpuSplit?> StartAsync(Uri url, string connectionString, CancellationToken cancellationToken)
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var processes = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, CommandLine: CommandLine(pid)))
            .ToList();
        var webApis = processes.Where(p => p.CommandLine.Contains("Ticketing.WebApi", StringComparison.Ordinal)).ToList();
        int? webApi = (webApis.FirstOrDefault(p => p.CommandLine.Contains($":{url.Port}", StringComparison.Ordinal)) is { Pid: > 0 } served ? served
            : webApis.Count == 1 ? webApis[0] : default).Pid is var w and > 0 ? w : null;
        var workers = processes.Where(p => p.CommandLine.Contains("Ticketing.Worker", StringComparison.Ordinal)).ToList();
        int? worker = (webApi is { } api && workers.FirstOrDefault(p => Parent(p.Pid) == Parent(api)) is { Pid: > 0 } sibling ? sibling
            : workers.Count == 1 ? workers[0] : default).Pid is var k and > 0 ? k : null;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        int? postmaster = Parent(backend);
        return new CpuSplit(webApi, worker, postmaster);
    }

    /// <summary>The second sample: CPU seconds each spent since the first.</summary>
    public CpuSeconds Stop()
    {
        var end = Take();
        double? Delta(double? a, double? b) => a is { } x && b is { } y ? Math.Round(y - x, 2) : null;
        var machineBusy = end.MachineBusy - _start.MachineBusy;
        var known = new[] { Delta(_start.WebApi, end.WebApi), Delta(_start.Worker, end.Worker), Delta(_start.Postgres, end.Postgres), Delta(_start.Self, end.Self) };
        return new CpuSeconds(
            known[0],
            known[1],
            known[2],
            known[3],
            Math.Round(Math.Max(0, machineBusy - known.Sum(v => v ?? 0)), 2),
            Math.Round(end.MachineIdle - _start.MachineIdle, 2));
    }

    private Sample Take()
    {
        var (busy, idle) = Machine();
        return new Sample(Own(_webApi), Own(_worker), _postmaster is { } p ? Cluster(p) : null, Own(Environment.ProcessId), busy, idle);
    }

    private static double? Own(int? pid) => pid is { } p && Stat(p) is { } stat ? (stat.UTime + stat.STime) / TicksPerSecond : null;

    /// <summary>The postmaster with its children's time (exited backends) and every live child's own.</summary>
    private static double? Cluster(int postmaster)
    {
        if (Stat(postmaster) is not { } root)
        {
            return null;
        }

        var ticks = root.UTime + root.STime + root.CUTime + root.CSTime;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } child && child.Parent == postmaster)
            {
                ticks += child.UTime + child.STime;
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>Busy and idle CPU seconds of the whole machine (all cores) since boot.</summary>
    private static (double Busy, double Idle) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal [guest guest_nice, already in user and nice]
        var idle = fields[3] + fields[4];
        var busy = fields.Take(8).Sum() - idle;
        return (busy / TicksPerSecond, idle / TicksPerSecond);
    }

    private static int? Parent(int pid) => Stat(pid)?.Parent;

    private static ProcessStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: the fields that follow start after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new ProcessStat(
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture),
                long.Parse(fields[12], CultureInfo.InvariantCulture),
                long.Parse(fields[13], CultureInfo.InvariantCulture),
                long.Parse(fields[14], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private sealed record ProcessStat(int Parent, long UTime, long STime, long CUTime, long CSTime);

    private sealed record Sample(double? WebApi, double? Worker, double? Postgres, double? Self, double MachineBusy, double MachineIdle);
}

/// <summary>CPU seconds of the timed phase; null for a process that was not found.</summary>
/// <param name="Other">Busy time of everything else on the machine (kernel threads, other programs).</param>
public sealed record CpuSeconds(double? WebApi, double? Worker, double? Postgres, double? LoadGenerator, double Other, double Idle);
