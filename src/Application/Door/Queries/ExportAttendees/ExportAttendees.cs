using CsvHelper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Door.Queries.ExportAttendees;

/// <summary>The event's tickets as CSV, one row each, for the door: staff of the event, its organizer, Admins.</summary>
[Authorize]
public sealed record ExportAttendeesQuery(Guid EventId) : IRequest<AttendeeExport>;

public sealed record AttendeeExport(string FileName, byte[] Csv);

/// <summary>One CSV row; the property names are the column headers. CsvHelper's source generator writes its mapping.</summary>
[CsvRecord]
public sealed partial record AttendeeRow(
    Guid Booking, Guid Ticket, string Holder, string? Email, string? Phone, string SeatOrType, string Status, string? CheckedInAt);

public sealed class ExportAttendeesQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, ICsvExporter csv)
    : IRequestHandler<ExportAttendeesQuery, AttendeeExport>
{
    public async Task<AttendeeExport> Handle(ExportAttendeesQuery request, CancellationToken cancellationToken)
    {
        var @event = await context.Events.AsNoTracking().Include(e => e.TicketTypes).SingleOrDefaultAsync(e => e.Id == request.EventId, cancellationToken)
            ?? throw new NotFoundException("Event");
        currentUser.EnsureCanWorkTheDoor(@event);

        var typeNames = @event.TicketTypes.ToDictionary(t => t.Id, t => t.Name);
        var tickets = await context.Bookings.AsNoTracking()
            .Where(b => b.EventId == @event.Id)
            .SelectMany(b => b.Tickets.Select(t => new { b.Id, b.HolderName, b.HolderEmail, b.HolderPhone, Ticket = t }))
            .ToListAsync(cancellationToken);
        var rows = tickets
            .OrderBy(t => t.HolderName, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Ticket.SeatLabel).ThenBy(t => t.Ticket.Id)
            .Select(t => new AttendeeRow(
                t.Id, t.Ticket.Id, t.HolderName, t.HolderEmail, t.HolderPhone,
                t.Ticket.SeatLabel ?? typeNames[t.Ticket.TicketTypeId], t.Ticket.Status.ToString(), t.Ticket.CheckedInAt?.ToIso()));
        return new AttendeeExport($"attendees-{@event.Id:N}.csv", csv.Write(rows));
    }
}
