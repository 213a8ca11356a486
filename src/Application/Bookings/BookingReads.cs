using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Bookings;

namespace Ticketing.Application.Bookings;

/// <summary>Bookings as their readers see them, with each valid ticket's signed code filled in for those who hold it.</summary>
public sealed class BookingReads(IApplicationDbContext context, ITicketCodes codes, IMapper mapper)
{
    public IQueryable<BookingDto> Project(IQueryable<Booking> bookings) =>
        bookings.AsNoTracking().ProjectTo<BookingDto>(
            mapper.ConfigurationProvider, new { events = context.Events.AsNoTracking(), ticketTypes = context.Events.SelectMany(e => e.TicketTypes) });

    /// <summary>Fills in the codes; only for bookings from <see cref="OwnedOrManagedBy"/> — a code is a ticket.</summary>
    public IReadOnlyList<BookingDto> WithCodes(IReadOnlyList<BookingDto> bookings)
    {
        foreach (var ticket in bookings.SelectMany(b => b.Tickets).Where(t => t.Status != TicketStatus.Void))
        {
            ticket.Code = codes.Issue(ticket.Id);
        }

        return bookings;
    }

    /// <summary>
    /// Who may see a booking: its customer, the event's organizer and staff (while they hold that role), Admins.
    /// Anyone else gets 404 — a booking's existence is not theirs to learn.
    /// </summary>
    public IQueryable<Booking> VisibleTo(ICurrentUser user) => Reachable(user, includeStaff: true);

    /// <summary>
    /// Who may hold a booking's ticket codes and cancel it: its customer, the event's organizer, Admins. Door staff
    /// only scan codes; a code they could read is a ticket they could hand out.
    /// </summary>
    public IQueryable<Booking> OwnedOrManagedBy(ICurrentUser user) => Reachable(user, includeStaff: false);

    private IQueryable<Booking> Reachable(ICurrentUser user, bool includeStaff)
    {
        if (user.IsAdmin)
        {
            return context.Bookings;
        }

        var userId = user.UserId ?? Guid.Empty;
        var organizer = user.IsInRole(Roles.Organizer);
        var staff = includeStaff && user.IsInRole(Roles.Staff);
        return context.Bookings.Where(b => b.CustomerId == userId
                                           || context.Events.Any(e => e.Id == b.EventId
                                                                      && ((organizer && e.OrganizerId == userId) || (staff && e.StaffIds.Contains(userId)))));
    }
}
