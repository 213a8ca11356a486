using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Queries.GetEvents;

/// <summary>
/// Events by role: anyone sees published events (Scheduled, OnSale, SoldOut) starting within the public window;
/// organizers also see all of their own; Admins see everything. <see cref="From"/>/<see cref="To"/> filter on the
/// start time, <see cref="State"/> on the state. Ordered by start time.
/// </summary>
public sealed record GetEventsQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    EventState? State = null,
    int Page = 1,
    int PageSize = PageRequest.DefaultPageSize) : IRequest<PaginatedList<EventDto>>;

public sealed class GetEventsQueryHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    TimeProvider timeProvider,
    IOptions<EventListingOptions> options,
    IMapper mapper) : IRequestHandler<GetEventsQuery, PaginatedList<EventDto>>
{
    public Task<PaginatedList<EventDto>> Handle(GetEventsQuery request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var windowEnd = now.AddDays(options.Value.PublicListingDays);
        var events = context.Events.AsNoTracking();

        if (!currentUser.IsAdmin)
        {
            var userId = currentUser.IsInRole(Roles.Organizer) ? currentUser.UserId : null;
            events = events.Where(e =>
                ((e.State == EventState.Scheduled || e.State == EventState.OnSale || e.State == EventState.SoldOut)
                 && e.StartsAt >= now && e.StartsAt <= windowEnd)
                || (userId != null && e.OrganizerId == userId));
        }

        if (request.From is { } from)
        {
            events = events.Where(e => e.StartsAt >= from);
        }

        if (request.To is { } to)
        {
            events = events.Where(e => e.StartsAt <= to);
        }

        if (request.State is { } state)
        {
            events = events.Where(e => e.State == state);
        }

        return PaginatedList<EventDto>.CreateAsync(
            events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
                .ProjectTo<EventDto>(mapper.ConfigurationProvider, new { venues = context.Venues.AsNoTracking() }),
            request.Page,
            request.PageSize,
            cancellationToken);
    }
}
