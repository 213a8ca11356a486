using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Live;

/// <summary>
/// Publishes live messages with PostgreSQL NOTIFY on <see cref="ILiveNotifier.Channel"/>; every WebApi instance LISTENs and
/// forwards to its SignalR connections. Sent outside any transaction, so it goes out at once; a failure is logged,
/// never thrown: live pushes are best effort, and polling gives the same state.
/// </summary>
public sealed class PostgresLiveNotifier(NpgsqlDataSource dataSource, ILogger<PostgresLiveNotifier> logger) : ILiveNotifier
{
    // PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
    private const int MaxPayloadBytes = 7900;

    public async Task PublishAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(
            new LiveEnvelope(message.Group, message.Method, JsonSerializer.SerializeToElement(message.Payload, LiveMessage.Wire)),
            JsonSerializerOptions.Web);
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            logger.LogWarning("Live message {Method} to {Group} is too large to push; dropped", message.Method, message.Group);
            return;
        }

        try
        {
            await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", ILiveNotifier.Channel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            logger.LogWarning(ex, "Live message {Method} to {Group} could not be published", message.Method, message.Group);
        }
    }
}
