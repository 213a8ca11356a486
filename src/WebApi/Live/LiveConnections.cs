using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Ticketing.WebApi.Live;

/// <summary>
/// The hub connections open on this instance, by the sign-in session that opened them (so they can be closed when
/// it ends) and by customer (so pushes every fan of an event must hear reach those connected here).
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, (Guid SessionId, Guid CustomerId, HubCallerContext Connection)> _open = new();

    public void Opened(Guid sessionId, Guid customerId, HubCallerContext connection) =>
        _open[connection.ConnectionId] = (sessionId, customerId, connection);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public void CloseSession(Guid sessionId)
    {
        foreach (var (_, (session, _, connection)) in _open)
        {
            if (session == sessionId)
            {
                connection.Abort();
            }
        }
    }

    /// <summary>The customers connected here, each with their connection ids.</summary>
    public IReadOnlyDictionary<Guid, List<string>> ByCustomer()
    {
        var byCustomer = new Dictionary<Guid, List<string>>();
        foreach (var (connectionId, (_, customerId, _)) in _open)
        {
            if (!byCustomer.TryGetValue(customerId, out var ids))
            {
                byCustomer[customerId] = ids = [];
            }

            ids.Add(connectionId);
        }

        return byCustomer;
    }
}
