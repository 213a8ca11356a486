using System.Text.RegularExpressions;
using Npgsql;

namespace Ticketing.Bench;

/// <summary>
/// Where the database spent the timed phase, from pg_stat_statements when the server preloads it (scripts/run.sh's
/// cluster does): reset as the timed phase starts, read back after it. Absent elsewhere — the run goes on without it.
/// </summary>
public static partial class StatementProfile
{
    public static async Task<bool> ResetAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var preloaded = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'", connection))
        {
            if (await preloaded.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return false;
            }
        }

        try
        {
            await using var reset = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
            await reset.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException)
        {
            // Creating the extension or resetting it takes a superuser; an ordinary role runs without the profile.
            return false;
        }
    }

    /// <summary>The statements of this database that took the most time, heaviest first.</summary>
    public static async Task<IReadOnlyList<StatementCost>> TopAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT query, calls, total_exec_time, mean_exec_time, rows
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
             ORDER BY total_exec_time DESC
             LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("count", count);
        var top = new List<StatementCost>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var query = Whitespace().Replace(reader.GetString(0), " ").Trim();
            top.Add(new StatementCost(
                query.Length > 300 ? query[..300] + "…" : query,
                reader.GetInt64(1),
                Math.Round(reader.GetDouble(2), 1),
                Math.Round(reader.GetDouble(3), 3),
                reader.GetInt64(4)));
        }

        return top;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

public sealed record StatementCost(string Query, long Calls, double TotalMs, double MeanMs, long Rows);
