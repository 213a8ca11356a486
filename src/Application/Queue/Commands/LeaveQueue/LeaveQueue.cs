using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Queue.Commands.LeaveQueue;

/// <summary>Waiting/Admitted → Abandoned. The customer may join again, at the back.</summary>
[Authorize(Roles = Roles.Customer)]
public sealed record LeaveQueueCommand(Guid EventId) : IRequest<Unit>;

public sealed class LeaveQueueCommandHandler(IApplicationDbContext context, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<LeaveQueueCommand, Unit>
{
    public async Task<Unit> Handle(LeaveQueueCommand request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entry = await context.FindLatestEntryAsync(request.EventId, currentUser.UserId!.Value, cancellationToken);
            if (entry is null || !entry.IsActive)
            {
                throw new NotFoundException("Queue entry");
            }

            entry.Abandon(timeProvider.GetUtcNow());
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // The admission tick or the expiry sweep changed the entry first (admitted it, or let it lapse):
                // read it again, so an admitted fan still leaves and a lapsed one hears that nothing is left to leave.
                context.DiscardTrackedChanges();
            }
        }
    }
}
