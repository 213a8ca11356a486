using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Events.Queries.CanWatchEvent;

/// <summary>
/// Whether a user may follow an event's live dashboard: whoever owns it (<see cref="EventAccess.Owns"/>: its organizer
/// while they hold the role, or an Admin). The hub asks for its caller, who is not the request's current user.
/// </summary>
public sealed record CanWatchEventQuery(Guid EventId, ICurrentUser Watcher) : IRequest<bool>;

public sealed class CanWatchEventQueryHandler(IApplicationDbContext context) : IRequestHandler<CanWatchEventQuery, bool>
{
    public async Task<bool> Handle(CanWatchEventQuery request, CancellationToken cancellationToken)
    {
        var @event = await context.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EventId, cancellationToken);
        return @event is not null && request.Watcher.Owns(@event);
    }
}
