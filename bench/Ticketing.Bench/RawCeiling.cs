using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Ticketing.Bench;

/// <summary>
/// The physical ceiling of the claim design on this machine: pgbench, 16 clients, committing the same conditional
/// inventory UPDATE the claim handler commits (TicketInventory.TryHoldAsync) on one hot row, as fast as PostgreSQL
/// allows. The row lives in a scratch copy of ticket_types (same columns, constraints and indexes) that is dropped
/// afterwards, so the system's own stock is never touched.
/// </summary>
public static partial class RawCeiling
{
    private const string Table = "bench_raw_ceiling";
    private const int Clients = 16;

    public static async Task<double> MeasureAsync(string connectionString, string pgbench, int seconds, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(connectionString, $"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (LIKE ticket_types INCLUDING ALL);
            INSERT INTO {Table} (id, event_id, name, capacity, sold, held, price_amount, price_currency)
            VALUES ('{id}', '{Guid.Empty}', 'ceiling', 2000000000, 0, 0, 2550, 'USD');
            """, cancellationToken);
        var script = Path.Combine(Path.GetTempPath(), $"ticketing-ceiling-{id:N}.sql");
        try
        {
            await File.WriteAllTextAsync(script, $"""
                \set quantity random(1, 4)
                UPDATE {Table} SET held = held + :quantity WHERE id = '{id}' AND sold + held + :quantity <= capacity;
                """, cancellationToken);
            return await RunPgBenchAsync(connectionString, pgbench, script, seconds, cancellationToken);
        }
        finally
        {
            File.Delete(script);
            await ExecuteAsync(connectionString, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    private static async Task<double> RunPgBenchAsync(string connectionString, string pgbench, string script, int seconds, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgbench)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = connection.Password ?? string.Empty },
        };
        foreach (var argument in new[]
                 {
                     "-h", connection.Host ?? "127.0.0.1", "-p", connection.Port.ToString(CultureInfo.InvariantCulture),
                     "-U", connection.Username ?? "ticketing", "-n", "-M", "prepared",
                     "-c", Clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                     "-f", script, connection.Database ?? "ticketing",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new BenchFailedException($"Could not start {pgbench}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var match = Tps().Match(await output);
        return process.ExitCode == 0 && match.Success
            ? double.Parse(match.Groups["tps"].Value, CultureInfo.InvariantCulture)
            : throw new BenchFailedException($"pgbench failed ({process.ExitCode}): {await errors}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"tps = (?<tps>[0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
