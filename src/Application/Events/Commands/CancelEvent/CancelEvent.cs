using AutoMapper;
using MediatR;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Events.Commands.CancelEvent;

/// <summary>Draft, Scheduled, OnSale or SoldOut → Cancelled. (Refunding the bookings of a cancelled event follows its EventCancelledEvent.)</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record CancelEventCommand(Guid Id) : IRequest<EventDto>;

public sealed class CancelEventCommandHandler(
    IApplicationDbContext context, ICurrentUser currentUser, AuditTrail audit, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<CancelEventCommand, EventDto>
{
    public async Task<EventDto> Handle(CancelEventCommand request, CancellationToken cancellationToken)
    {
        var stored = await context.FindManagedEventAsync(currentUser, request.Id, cancellationToken);

        stored.Cancel(timeProvider.GetUtcNow());
        audit.Record("event.cancelled", stored.Id, stored.Title);
        await context.SaveChangesAsync(cancellationToken);
        return await context.GetDtoAsync(mapper, stored.Id, cancellationToken);
    }
}
