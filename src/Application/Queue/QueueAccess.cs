using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Events;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue;

public static class QueueAccess
{
    /// <summary>The event as a customer may see it: unknown and draft events are 404.</summary>
    public static async Task<Event> FindVisibleEventAsync(
        this IApplicationDbContext context, ICurrentUser user, Guid eventId, CancellationToken cancellationToken)
    {
        var found = await context.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        return found is not null && user.CanSee(found) ? found : throw new NotFoundException("Event");
    }

    /// <summary>The caller's active entry, else their latest one.</summary>
    public static Task<QueueEntry?> FindLatestEntryAsync(
        this IApplicationDbContext context, Guid eventId, Guid customerId, CancellationToken cancellationToken) =>
        context.QueueEntries
            .Where(q => q.EventId == eventId && q.CustomerId == customerId)
            .OrderByDescending(q => q.Status == QueueEntryStatus.Waiting || q.Status == QueueEntryStatus.Admitted)
            .ThenByDescending(q => q.JoinedAt)
            .ThenByDescending(q => q.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
