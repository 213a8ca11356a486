using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Events;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Events;

/// <summary>
/// Powers over an event follow from a role *and* a link to the event: an organizer owns their events and staff work
/// the doors they are assigned to only while they hold the Organizer or Staff role — a demoted user keeps the
/// link in the data but loses the power at once.
/// </summary>
public static class EventAccess
{
    public static bool Owns(this ICurrentUser user, Event @event) =>
        user.IsAdmin || (user.IsInRole(Roles.Organizer) && @event.OrganizerId == user.UserId);

    public static bool Staffs(this ICurrentUser user, Event @event) =>
        user.IsInRole(Roles.Staff) && user.UserId is { } id && @event.IsStaffedBy(id);

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

        if (!user.Owns(@event) && !user.Staffs(@event))
        {
            throw new ForbiddenAccessException(Errors.Forbidden, "Only this event's staff, its organizer and Admins work its door.");
        }
    }

    /// <summary>Drafts exist only for their organizer and Admins (404 for anyone else).</summary>
    public static bool CanSee(this ICurrentUser user, Event @event) => @event.State != EventState.Draft || user.Owns(@event);

    /// <inheritdoc cref="CanSee(ICurrentUser, Event)"/>
    public static bool CanSee(this ICurrentUser user, EventDto @event) =>
        @event.State != EventState.Draft || user.IsAdmin || (user.IsInRole(Roles.Organizer) && @event.OrganizerId == user.UserId);

    /// <summary>Only the owning organizer or an Admin act on an event: 403 for others, 404 if it is a draft they cannot see.</summary>
    public static void EnsureCanManage(this ICurrentUser user, Event @event)
    {
        if (!user.CanSee(@event))
        {
            throw new NotFoundException("Event");
        }

        if (!user.Owns(@event))
        {
            throw new ForbiddenAccessException(Errors.Forbidden, "This event belongs to another organizer.");
        }
    }
}
