using AutoMapper;
using MediatR;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Events.Commands.EndEvent;

/// <summary>OnSale or SoldOut → Ended: the sale closes for good.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record EndEventCommand(Guid Id) : IRequest<EventDto>;

public sealed class EndEventCommandHandler(
    IApplicationDbContext context, ICurrentUser currentUser, AuditTrail audit, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<EndEventCommand, EventDto>
{
    public async Task<EventDto> Handle(EndEventCommand request, CancellationToken cancellationToken)
    {
        var stored = await context.FindManagedEventAsync(currentUser, request.Id, cancellationToken);

        stored.End(timeProvider.GetUtcNow());
        audit.Record("event.ended", stored.Id, stored.Title);
        await context.SaveChangesAsync(cancellationToken);
        return await context.GetDtoAsync(mapper, stored.Id, cancellationToken);
    }
}
