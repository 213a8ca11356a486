using System.Collections.Concurrent;

namespace Ticketing.WebApi.Live;

/// <summary>Which customers connected to this instance watch which event's queue, for live position pushes.</summary>
public sealed class QueueWatchers
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Guid>> _byEvent = new();

    public void Watch(Guid eventId, string connectionId, Guid customerId) =>
        _byEvent.GetOrAdd(eventId, _ => new ConcurrentDictionary<string, Guid>())[connectionId] = customerId;

    public void Forget(string connectionId)
    {
        foreach (var (eventId, connections) in _byEvent)
        {
            if (connections.TryRemove(connectionId, out _) && connections.IsEmpty)
            {
                // Nobody left watching: forget the event, or every event ever watched would stay in memory. A Watch
                // of the same event racing this removal can be lost; that customer still sees the place by polling.
                _byEvent.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, Guid>>(eventId, connections));
            }
        }
    }

    public IReadOnlyCollection<Guid> CustomersWatching(Guid eventId) =>
        _byEvent.TryGetValue(eventId, out var connections) ? connections.Values.Distinct().ToList() : [];
}
