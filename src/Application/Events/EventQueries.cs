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
}
