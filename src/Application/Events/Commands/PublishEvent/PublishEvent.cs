using Ticketing.Application.Audit;
using Ticketing.Domain.Queue;
using AutoMapper;
using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Events.Commands.PublishEvent;

/// <summary>
/// Draft → Scheduled (sale not open yet) or OnSale. A seated event gets its seat rows in the same transaction,
/// and the venue's time slot is taken: PostgreSQL's exclusion constraint refuses an overlap, races included.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record PublishEventCommand(Guid Id) : IRequest<EventDto>, ITransactional;

public sealed class PublishEventCommandHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    IEventSeatInventory seats,
    EventPlanner planner,
    AuditTrail audit,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<PublishEventCommand, EventDto>
{
    public async Task<EventDto> Handle(PublishEventCommand request, CancellationToken cancellationToken)
    {
        var stored = await context.FindManagedEventAsync(currentUser, request.Id, cancellationToken);

        stored.Publish(timeProvider.GetUtcNow(), PreQueueDraw.NewSeed());
        await planner.EnsureVenueIsFreeAsync(stored.VenueId, stored.Schedule, stored.Id, cancellationToken);
        audit.Record("event.published", stored.Id, stored.Title);

        await context.SaveChangesAsync(cancellationToken);
        if (stored.IsSeated)
        {
            await seats.MaterializeAsync(stored.Id, cancellationToken);
        }

        return await context.GetDtoAsync(mapper, stored.Id, cancellationToken);
    }
}
