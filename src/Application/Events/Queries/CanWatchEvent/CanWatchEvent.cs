using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Events.Queries.CanWatchEvent;

/// <summary>Whether a user may follow an event's live dashboard: its organizer, or an Admin.</summary>
public sealed record CanWatchEventQuery(Guid EventId, Guid UserId, bool IsAdmin) : IRequest<bool>;

public sealed class CanWatchEventQueryHandler(IApplicationDbContext context) : IRequestHandler<CanWatchEventQuery, bool>
{
    public Task<bool> Handle(CanWatchEventQuery request, CancellationToken cancellationToken) =>
        context.Events.AnyAsync(e => e.Id == request.EventId && (request.IsAdmin || e.OrganizerId == request.UserId), cancellationToken);
}
