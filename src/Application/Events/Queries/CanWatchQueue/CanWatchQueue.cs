using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Events.Queries.CanWatchQueue;

/// <summary>
/// Whether a user may follow an event's queue live: whoever may see the event (<see cref="EventAccess.CanSee(ICurrentUser, Domain.Events.Event)"/>, as
/// GET /api/events/{id}), so a draft only its organizer while they hold the role, and Admins. An unknown id is
/// simply not watchable.
/// </summary>
public sealed record CanWatchQueueQuery(Guid EventId, ICurrentUser Watcher) : IRequest<bool>;

public sealed class CanWatchQueueQueryHandler(IApplicationDbContext context) : IRequestHandler<CanWatchQueueQuery, bool>
{
    public async Task<bool> Handle(CanWatchQueueQuery request, CancellationToken cancellationToken)
    {
        var @event = await context.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EventId, cancellationToken);
        return @event is not null && request.Watcher.CanSee(@event);
    }
}
