using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Bookings;

namespace Ticketing.Application.Bookings;

/// <summary>Bookings as their readers see them, with each valid ticket's signed code filled in.</summary>
public sealed class BookingReads(IApplicationDbContext context, ITicketCodes codes, IMapper mapper)
{
    public IQueryable<BookingDto> Project(IQueryable<Booking> bookings) =>
        bookings.AsNoTracking().ProjectTo<BookingDto>(
            mapper.ConfigurationProvider, new { events = context.Events.AsNoTracking(), ticketTypes = context.Events.SelectMany(e => e.TicketTypes) });

    public IReadOnlyList<BookingDto> WithCodes(IReadOnlyList<BookingDto> bookings)
    {
        foreach (var ticket in bookings.SelectMany(b => b.Tickets).Where(t => t.Status != TicketStatus.Void))
        {
            ticket.Code = codes.Issue(ticket.Id);
        }

        return bookings;
    }

    /// <summary>
    /// Who may see a booking: its customer, the event's organizer and staff, Admins. Anyone else gets 404 — a
    /// booking's existence is not theirs to learn.
    /// </summary>
    public IQueryable<Booking> VisibleTo(ICurrentUser user)
    {
        if (user.IsAdmin)
        {
            return context.Bookings;
        }

        var userId = user.UserId ?? Guid.Empty;
        return context.Bookings.Where(b => b.CustomerId == userId
                                           || context.Events.Any(e => e.Id == b.EventId && (e.OrganizerId == userId || e.StaffIds.Contains(userId))));
    }
}
