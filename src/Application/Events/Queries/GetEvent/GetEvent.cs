using AutoMapper;
using MediatR;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Queries.GetEvent;

/// <summary>One event with its ticket types and what is still available. Drafts only for their organizer and Admins.</summary>
public sealed record GetEventQuery(Guid Id) : IRequest<EventDto>;

public sealed class GetEventQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IMapper mapper, IEventCache cache)
    : IRequestHandler<GetEventQuery, EventDto>
{
    public async Task<EventDto> Handle(GetEventQuery request, CancellationToken cancellationToken)
    {
        var found = await cache.GetOrLoadAsync(request.Id, token => context.GetDtoAsync(mapper, request.Id, token), cancellationToken);
        if (found.State == EventState.Draft && !currentUser.IsAdmin && found.OrganizerId != currentUser.UserId)
        {
            throw new NotFoundException("Event");
        }

        return found;
    }
}
