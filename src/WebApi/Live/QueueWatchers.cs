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
        foreach (var connections in _byEvent.Values)
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    public IReadOnlyCollection<Guid> CustomersWatching(Guid eventId) =>
        _byEvent.TryGetValue(eventId, out var connections) ? connections.Values.Distinct().ToList() : [];
}
