using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Queries.GetEventSeats;

/// <summary>The seat map of a published seated event with each seat's status (Available, Held, Sold).</summary>
public sealed record GetEventSeatsQuery(Guid EventId) : IRequest<EventSeatMapDto>;

public sealed class GetEventSeatsQueryHandler(IApplicationDbContext context, ICurrentUser currentUser)
    : IRequestHandler<GetEventSeatsQuery, EventSeatMapDto>
{
    public async Task<EventSeatMapDto> Handle(GetEventSeatsQuery request, CancellationToken cancellationToken)
    {
        var found = await context.Events.AsNoTracking()
            .Where(e => e.Id == request.EventId)
            .Select(e => new { e.State, e.OrganizerId, e.VenueId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || (found.State == EventState.Draft && !currentUser.IsAdmin && found.OrganizerId != currentUser.UserId))
        {
            throw new NotFoundException("Event");
        }

        if (found.VenueId is null)
        {
            throw new DomainException(Errors.InvalidState, "This is a general-admission event; it has no seats.");
        }

        if (found.State == EventState.Draft)
        {
            throw new DomainException(Errors.InvalidState, "Seats exist once the event is published.");
        }

        var seats = await context.EventSeats.AsNoTracking()
            .Where(s => s.EventId == request.EventId)
            .OrderBy(s => s.SectionPosition).ThenBy(s => s.RowPosition).ThenBy(s => s.Number)
            .Select(s => new { s.Id, s.TicketTypeId, s.Section, s.Row, s.Number, s.Status })
            .ToListAsync(cancellationToken);

        var sections = seats
            .GroupBy(s => (s.Section, s.TicketTypeId))
            .Select(section => new EventSeatSectionDto(
                section.Key.Section,
                section.Key.TicketTypeId,
                section.GroupBy(s => s.Row)
                    .Select(row => new EventSeatRowDto(row.Key, row.Select(s => new EventSeatDto(s.Id, s.Number, s.Status)).ToList()))
                    .ToList()))
            .ToList();
        return new EventSeatMapDto(request.EventId, sections);
    }
}

public sealed record EventSeatMapDto(Guid EventId, IReadOnlyList<EventSeatSectionDto> Sections);

public sealed record EventSeatSectionDto(string Name, Guid TicketTypeId, IReadOnlyList<EventSeatRowDto> Rows);

public sealed record EventSeatRowDto(string Label, IReadOnlyList<EventSeatDto> Seats);

public sealed record EventSeatDto(Guid Id, int Number, SeatStatus Status);
