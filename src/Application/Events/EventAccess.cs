using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events;

public static class EventAccess
{
    public static bool Owns(this ICurrentUser user, Event @event) => user.IsAdmin || @event.OrganizerId == user.UserId;

    /// <summary>Loads an event, with its ticket types, for a change by its organizer or an Admin.</summary>
    public static async Task<Event> FindManagedEventAsync(
        this IApplicationDbContext context, ICurrentUser user, Guid eventId, CancellationToken cancellationToken)
    {
        var found = await context.Events.Include(e => e.TicketTypes).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken)
            ?? throw new NotFoundException("Event");
        user.EnsureCanManage(found);
        return found;
    }

    /// <summary>Door work — check-ins, the attendee list — is for the event's staff, its organizer and Admins (403 for others).</summary>
    public static void EnsureCanWorkTheDoor(this ICurrentUser user, Event @event)
    {
        if (!user.CanSee(@event))
        {
            throw new NotFoundException("Event");
        }

        if (!user.Owns(@event) && !(user.UserId is { } id && @event.IsStaffedBy(id)))
        {
            throw new ForbiddenAccessException(message: "Only this event's staff, its organizer and Admins work its door.");
        }
    }

    /// <summary>Drafts exist only for their organizer and Admins (404 for anyone else).</summary>
    public static bool CanSee(this ICurrentUser user, Event @event) => @event.State != EventState.Draft || user.Owns(@event);

    /// <summary>Only the owning organizer or an Admin act on an event: 403 for others, 404 if it is a draft they cannot see.</summary>
    public static void EnsureCanManage(this ICurrentUser user, Event @event)
    {
        if (!user.CanSee(@event))
        {
            throw new NotFoundException("Event");
        }

        if (!user.Owns(@event))
        {
            throw new ForbiddenAccessException(message: "This event belongs to another organizer.");
        }
    }
}
