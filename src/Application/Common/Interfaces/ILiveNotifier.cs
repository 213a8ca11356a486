using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// Real-time pushes to connected clients. Whichever process calls this, every WebApi instance receives the message
/// (PostgreSQL NOTIFY) and forwards it to its SignalR connections in the named group. Best effort: a push may be
/// lost, never blocks the caller; the polling endpoints give the same state.
/// </summary>
public interface ILiveNotifier
{
    /// <summary>The channel the messages are published on; each instance hears them through <see cref="ILiveFeed"/>.</summary>
    const string Channel = "ticketing_live";

    Task PublishAsync(LiveMessage message, CancellationToken cancellationToken);
}

/// <param name="Group">customer:{id}, event:{id} (organizer dashboard), queue:{id} (everyone watching an event's queue) or session:{id}.</param>
/// <param name="Method">
/// The client method: queuePosition, admitted, soldOut, claimExpiring, counters; or an instruction to the hubs that no
/// client receives: queueAdvanced (push places in line), sessionEnded (close the session's connections).
/// </param>
public sealed record LiveMessage(string Group, string Method, object Payload)
{
    /// <summary>How payloads travel: as the REST API writes JSON (camelCase, enums by name), so a client reads both alike.</summary>
    public static readonly JsonSerializerOptions Wire = new(JsonSerializerOptions.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Customer(Guid customerId) => $"customer:{customerId}";

    public static string EventDashboard(Guid eventId) => $"event:{eventId}";

    public static string EventQueue(Guid eventId) => $"queue:{eventId}";

    public static string Session(Guid sessionId) => $"session:{sessionId}";

    /// <summary>Tells every WebApi instance to close the live connections opened with a session that has ended.</summary>
    public static LiveMessage SessionEnded(Guid sessionId) => new(Session(sessionId), "sessionEnded", new { sessionId });
}

/// <summary>A <see cref="LiveMessage"/> as it travels on <see cref="ILiveNotifier.Channel"/> and is heard again.</summary>
public sealed record LiveEnvelope(string Group, string Method, JsonElement Payload);
