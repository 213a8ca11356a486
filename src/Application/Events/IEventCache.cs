namespace Ticketing.Application.Events;

/// <summary>
/// Events as last read, kept per instance so that reading a popular event costs no query (ADR 0019). What an
/// organizer changes is forgotten on every instance as soon as it commits; the availability numbers, which every
/// claim changes, are at most <see cref="EventListingOptions.CacheMaxAge"/> old.
/// </summary>
public interface IEventCache
{
    Task<EventDto> GetOrLoadAsync(Guid eventId, Func<CancellationToken, Task<EventDto>> load, CancellationToken cancellationToken);
}
