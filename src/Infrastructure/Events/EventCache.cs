using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Events;

namespace Ticketing.Infrastructure.Events;

/// <summary>
/// Events as last read on this instance. A trigger on events, ticket types and seats NOTIFYs the event's id when
/// something a reader sees changes, except the sold and held counters (every claim moves them; they age out after
/// <see cref="EventListingOptions.CacheMaxAge"/> instead). The cache only answers while it is listening: a
/// change published while the connection was down would be missed, so then every read goes to the database.
/// </summary>
public sealed class EventCache(ILiveFeed feed, TimeProvider timeProvider, IOptions<EventListingOptions> options) : IEventCache, IHostedService
{
    public const string Channel = "ticketing_event_changed";

    private readonly ConcurrentDictionary<Guid, Entry> _events = new();
    private readonly TimeSpan _maxAge = options.Value.CacheMaxAge;
    private volatile bool _listening;

    // Counts invalidations: a load that began before one may hold what it invalidated, so it is not kept.
    private long _changes;

    /// <summary>Whether the cache may answer: it hears every change from now on.</summary>
    public bool Listening => _listening;

    public async Task<EventDto> GetOrLoadAsync(Guid eventId, Func<CancellationToken, Task<EventDto>> load, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_listening && _events.TryGetValue(eventId, out var cached) && now - cached.ReadAt < _maxAge)
        {
            return cached.Event;
        }

        var changes = Interlocked.Read(ref _changes);
        var loaded = await load(cancellationToken);
        if (_listening && _maxAge > TimeSpan.Zero && Interlocked.Read(ref _changes) == changes)
        {
            _events[eventId] = new Entry(loaded, now);
        }

        return loaded;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Subscribe(Channel, Changed, ListenedAgain, Lost);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Changed(string payload)
    {
        Interlocked.Increment(ref _changes);
        if (Guid.TryParse(payload, out var eventId))
        {
            _events.TryRemove(eventId, out _);
        }
    }

    private Task ListenedAgain(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _changes);
        _events.Clear();
        _listening = true;
        return Task.CompletedTask;
    }

    private void Lost()
    {
        _listening = false;
        Interlocked.Increment(ref _changes);
        _events.Clear();
    }

    private sealed record Entry(EventDto Event, DateTimeOffset ReadAt);
}
