using MediatR;
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
        var entry = await context.FindLatestEntryAsync(request.EventId, currentUser.UserId!.Value, cancellationToken);
        if (entry is null || !entry.IsActive)
        {
            throw new NotFoundException("Queue entry");
        }

        entry.Abandon(timeProvider.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
