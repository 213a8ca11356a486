using Npgsql;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Outbox;

public sealed class OutboxStore(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IOutboxStore
{
    // One statement picks the due rows, skipping any another worker has locked, and leases them by moving
    // next_attempt_at past the lease: a second dispatcher cannot take them until the lease runs out.
    private const string LeaseSql = """
        UPDATE outbox_messages AS o
           SET attempts = o.attempts + 1,
               next_attempt_at = @lease_until
          FROM (SELECT id
                  FROM outbox_messages
                 WHERE processed_at IS NULL
                   AND dead_lettered_at IS NULL
                   AND next_attempt_at <= @now
                 ORDER BY next_attempt_at, id
                 LIMIT @max_count
                   FOR UPDATE SKIP LOCKED) AS due
         WHERE o.id = due.id
        RETURNING o.id, o.type, o.payload::text, o.attempts
        """;

    public async Task<int> CountStuckMoneyMovingAsync(int minAttempts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*)::int FROM outbox_messages
             WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND attempts >= @min_attempts AND type = ANY(@types)
            """);
        command.Parameters.AddWithValue("min_attempts", minAttempts);
        command.Parameters.AddWithValue("types", OutboxSerializer.MoneyMovingTypeNames);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<OutboxEnvelope>> LeaseBatchAsync(int maxCount, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var command = dataSource.CreateCommand(LeaseSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", now + lease);
        command.Parameters.AddWithValue("max_count", maxCount);

        var batch = new List<OutboxEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(1);
            batch.Add(new OutboxEnvelope(
                reader.GetGuid(0), type, reader.GetInt32(3), OutboxSerializer.Deserialize(type, reader.GetString(2))));
        }

        // Ids are UUIDv7, so this is the order in which the events happened.
        return batch.OrderBy(m => m.Id).ToList();
    }

    public async Task MarkProcessedAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE outbox_messages SET processed_at = @now, last_error = NULL WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", messageIds.ToArray());
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(retryAt is null
            ? "UPDATE outbox_messages SET dead_lettered_at = @now, last_error = @error WHERE id = @id"
            : "UPDATE outbox_messages SET next_attempt_at = @retry_at, last_error = @error WHERE id = @id");
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("error", error.Length > 2000 ? error[..2000] : error);
        if (retryAt is not null)
        {
            command.Parameters.AddWithValue("retry_at", retryAt.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
