using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL the integration tests run against, found the way scripts/run.sh finds one:
/// TEST_DATABASE_URL if set; else a throwaway cluster from the server binaries on this machine (as the
/// postgres OS user when running as root); else a Testcontainers container when a Docker engine answers.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ClusterPrefix = "ticketing-test-pg-";

    private readonly Func<ValueTask> _stop;

    private PostgresServer(string connectionString, Func<ValueTask> stop)
    {
        ConnectionString = connectionString;
        _stop = stop;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("TEST_DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(ToConnectionString(external), () => ValueTask.CompletedTask);
        }

        if (FindBinDirectory() is { } binDirectory)
        {
            return await StartLocalClusterAsync(binDirectory);
        }

        if (await DockerAnswersAsync())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            return new PostgresServer(container.GetConnectionString(), container.DisposeAsync);
        }

        throw new InvalidOperationException(
            "No PostgreSQL for the integration tests: set TEST_DATABASE_URL, install the PostgreSQL server binaries "
            + "(apt-get install postgresql), or start a Docker engine.");
    }

    public ValueTask DisposeAsync() => _stop();

    private static async Task<PostgresServer> StartLocalClusterAsync(string binDirectory)
    {
        RemoveClustersOfDeadRuns(binDirectory);
        var directory = Path.Combine(Path.GetTempPath(), $"{ClusterPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var dataDirectory = Path.Combine(directory, "data");
        Directory.CreateDirectory(dataDirectory);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres", directory], asPostgres: false);
        }

        var port = FreePort();
        // Throwaway, loopback only, gone when the run ends: trust authentication is enough here.
        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"),
        [
            "-D", dataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start",
        ]);

        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE ticketing_tests", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=ticketing_tests;Maximum Pool Size=200",
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"]);
                Directory.Delete(directory, recursive: true);
            });
    }

    /// <summary>A test run that was killed cannot stop its cluster; the next run does.</summary>
    private static void RemoveClustersOfDeadRuns(string binDirectory)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            var pidText = Path.GetFileName(directory)[ClusterPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, out var pid) || ProcessIsAlive(pid))
            {
                continue;
            }

            try
            {
                RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "immediate", "stop"]).Wait();
            }
            catch (AggregateException)
            {
                // Not running any more; only the files are left.
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "initdb"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            var resolved = new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
            return Path.GetDirectoryName(resolved);
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        // PostgreSQL refuses to run as root.
        var start = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return false;
        }
    }

    private static string ToConnectionString(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.Ordinal) && !value.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return value;
        }

        var uri = new Uri(value);
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ConnectionString;
    }
}
