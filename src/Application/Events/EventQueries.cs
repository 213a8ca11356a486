using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Events;

public static class EventQueries
{
    public static async Task<EventDto> GetDtoAsync(this IApplicationDbContext context, IMapper mapper, Guid eventId, CancellationToken cancellationToken) =>
        await context.Events.AsNoTracking().Where(e => e.Id == eventId)
            .ProjectTo<EventDto>(mapper.ConfigurationProvider, new { venues = context.Venues.AsNoTracking() })
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Event");

    /// <summary>
    /// The event as the caller may see it, from this instance's cache (ADR 0019): no query in steady state. Drafts
    /// are 404 to all but their organizer and Admins.
    /// </summary>
    public static async Task<EventDto> GetVisibleDtoAsync(
        this IEventCache cache, IApplicationDbContext context, IMapper mapper, ICurrentUser user, Guid eventId, CancellationToken cancellationToken)
    {
        var found = await cache.GetOrLoadAsync(eventId, token => context.GetDtoAsync(mapper, eventId, token), cancellationToken);
        return user.CanSee(found) ? found : throw new NotFoundException("Event");
    }
}
