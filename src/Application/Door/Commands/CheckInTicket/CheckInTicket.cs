using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Door.Commands.CheckInTicket;

/// <summary>
/// A scan at the door. The code's signature is checked before anything is looked up; the ticket checks in once and
/// only inside the event's door window and while the event still happens (simultaneous scans: exactly one succeeds, the rest hear when and where it
/// was first used).
/// </summary>
[Authorize]
public sealed record CheckInTicketCommand(string Code, string? Gate = null) : IRequest<CheckInDto>
{
    [JsonIgnore]
    public Guid EventId { get; init; }
}

public sealed record CheckInDto(Guid TicketId, string HolderName, string TicketType, string? Seat, DateTimeOffset CheckedInAt);

public sealed class CheckInTicketCommandHandler(IApplicationDbContext context, ICurrentUser currentUser, ITicketCodes codes, TimeProvider timeProvider)
    : IRequestHandler<CheckInTicketCommand, CheckInDto>
{
    public async Task<CheckInDto> Handle(CheckInTicketCommand request, CancellationToken cancellationToken)
    {
        var @event = await context.Events.AsNoTracking().Include(e => e.TicketTypes).SingleOrDefaultAsync(e => e.Id == request.EventId, cancellationToken)
            ?? throw new NotFoundException("Event");
        currentUser.EnsureCanWorkTheDoor(@event);

        var ticketId = codes.Read(request.Code.Trim()) ?? throw new NotFoundException("Ticket");
        for (var attempt = 1; ; attempt++)
        {
            var booking = await context.Bookings.SingleOrDefaultAsync(b => b.Tickets.Any(t => t.Id == ticketId), cancellationToken)
                ?? throw new NotFoundException("Ticket");
            var ticket = booking.Tickets.Single(t => t.Id == ticketId);
            if (ticket.EventId != @event.Id)
            {
                throw new DomainException(Errors.InvalidState, "This ticket is for another event.");
            }

            ticket.CheckIn(@event.State, @event.Schedule.Doors, timeProvider.GetUtcNow(), currentUser.UserId!.Value, request.Gate?.Trim());
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                var typeName = @event.TicketTypes.Single(t => t.Id == ticket.TicketTypeId).Name;
                return new CheckInDto(ticket.Id, booking.HolderName, typeName, ticket.SeatLabel, ticket.CheckedInAt!.Value);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // A simultaneous scan changed the ticket first: read it again and let the ticket's rule answer.
                context.DiscardTrackedChanges();
            }
        }
    }
}
