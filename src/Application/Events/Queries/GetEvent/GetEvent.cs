using AutoMapper;
using MediatR;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Events.Queries.GetEvent;

/// <summary>One event with its ticket types and what is still available. Drafts only for their organizer and Admins.</summary>
public sealed record GetEventQuery(Guid Id) : IRequest<EventDto>;

public sealed class GetEventQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IMapper mapper, IEventCache cache)
    : IRequestHandler<GetEventQuery, EventDto>
{
    public Task<EventDto> Handle(GetEventQuery request, CancellationToken cancellationToken) =>
        cache.GetVisibleDtoAsync(context, mapper, currentUser, request.Id, cancellationToken);
}
