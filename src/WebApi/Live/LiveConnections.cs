using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Ticketing.WebApi.Live;

/// <summary>The hub connections open on this instance, by the sign-in session that opened them, so they can be closed when it ends.</summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, (Guid SessionId, HubCallerContext Connection)> _open = new();

    public void Opened(Guid sessionId, HubCallerContext connection) => _open[connection.ConnectionId] = (sessionId, connection);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public void CloseSession(Guid sessionId)
    {
        foreach (var (_, (session, connection)) in _open)
        {
            if (session == sessionId)
            {
                connection.Abort();
            }
        }
    }
}
