using AutoMapper;
using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Commands.CreateEvent;

/// <summary>A new event in Draft, owned by the caller; nothing is for sale until it is published.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record CreateEventCommand : EventInput, IRequest<EventDto>;

public sealed class CreateEventCommandHandler(
    IApplicationDbContext context, ICurrentUser currentUser, EventPlanner planner, IMapper mapper)
    : IRequestHandler<CreateEventCommand, EventDto>
{
    public async Task<EventDto> Handle(CreateEventCommand request, CancellationToken cancellationToken)
    {
        var ticketTypes = await planner.PlanTicketTypesAsync(request, cancellationToken);
        var details = request.ToDetails();
        await planner.EnsureVenueIsFreeAsync(request.VenueId, details.Schedule, null, cancellationToken);

        var created = Event.CreateDraft(currentUser.UserId!.Value, request.VenueId, details, ticketTypes);
        context.Events.Add(created);
        await context.SaveChangesAsync(cancellationToken);
        return await context.GetDtoAsync(mapper, created.Id, cancellationToken);
    }
}
