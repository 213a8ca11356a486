using AutoMapper;
using MediatR;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Queue.Queries.GetMyQueueEntry;

/// <summary>The caller's place in an event's queue; when admitted, the admission token — the same one on every poll.</summary>
/// <param name="Listening">The caller's client holds a live connection (it says so), so it is told to poll less often.</param>
[Authorize(Roles = Roles.Customer)]
public sealed record GetMyQueueEntryQuery(Guid EventId, bool Listening = false) : IRequest<QueueEntryDto>;

public sealed class GetMyQueueEntryQueryHandler(
    IApplicationDbContext context, ICurrentUser currentUser, IEventCache cache, IMapper mapper, QueueStatusReader reader)
    : IRequestHandler<GetMyQueueEntryQuery, QueueEntryDto>
{
    public async Task<QueueEntryDto> Handle(GetMyQueueEntryQuery request, CancellationToken cancellationToken)
    {
        // The event from the cache: every waiting fan polls, and the event changes rarely (its changes are NOTIFYed).
        var @event = await cache.GetVisibleDtoAsync(context, mapper, currentUser, request.EventId, cancellationToken);
        var entry = await context.FindLatestEntryAsync(@event.Id, currentUser.UserId!.Value, cancellationToken)
            ?? throw new NotFoundException("Queue entry");
        return await reader.ReadAsync(entry, QueuedEvent.Of(@event), request.Listening, cancellationToken);
    }
}
