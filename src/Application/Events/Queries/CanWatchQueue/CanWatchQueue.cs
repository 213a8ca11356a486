using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Queries.CanWatchQueue;

/// <summary>
/// Whether a user may follow an event's queue live: whoever may see the event (GET /api/events/{id}), so a draft
/// only its organizer and Admins. An unknown id is simply not watchable.
/// </summary>
public sealed record CanWatchQueueQuery(Guid EventId, Guid UserId, bool IsAdmin) : IRequest<bool>;

public sealed class CanWatchQueueQueryHandler(IApplicationDbContext context) : IRequestHandler<CanWatchQueueQuery, bool>
{
    public Task<bool> Handle(CanWatchQueueQuery request, CancellationToken cancellationToken) =>
        context.Events.AnyAsync(
            e => e.Id == request.EventId && (e.State != EventState.Draft || request.IsAdmin || e.OrganizerId == request.UserId),
            cancellationToken);
}
