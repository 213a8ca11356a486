using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Inventory;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue.Commands.AdmitFromQueue;

/// <summary>
/// Lets the next people in (the AdmitFromQueue job, every second). Per on-sale event with people waiting, as many as
/// <see cref="QueueSettings.AdmissionsNow"/> allows, each with the window <see cref="QueueSettings.AdmissionWindowFor"/>
/// gives at the tickets left now. Admissions left or lapsed no longer count, so their places go to the next in line
/// on the next tick. Returns how many were admitted.
/// </summary>
public sealed record AdmitFromQueueCommand : IRequest<int>;

public sealed class AdmitFromQueueCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IQueueLine line,
    IInventory inventory,
    ITransactionLocks locks,
    EventAvailability availability,
    ILiveNotifier live,
    TimeProvider timeProvider,
    ILogger<AdmitFromQueueCommandHandler> logger) : IRequestHandler<AdmitFromQueueCommand, int>
{
    public async Task<int> Handle(AdmitFromQueueCommand request, CancellationToken cancellationToken)
    {
        // From the few selling events, not from the many waiting entries: one index probe per event each second.
        var eventIds = await context.Events.AsNoTracking()
            .Where(e => (e.State == EventState.OnSale || e.State == EventState.SoldOut)
                        && context.QueueEntries.Any(q => q.EventId == e.Id && q.Status == QueueEntryStatus.Waiting && q.Ordinal != null))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);

        var admitted = 0;
        foreach (var eventId in eventIds)
        {
            // Stock may have come back since the last tick (a sold-out event goes on sale again).
            await availability.FollowAsync(eventId, cancellationToken);
            admitted += await AdmitAsync(eventId, cancellationToken);
        }

        return admitted;
    }

    private async Task<int> AdmitAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);

        // One admitter per event at a time, whatever the number of Worker instances.
        await locks.AcquireAsync("admit", eventId, null, cancellationToken);
        var @event = await context.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
        if (@event.State != EventState.OnSale)
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow();
        var minuteAgo = now.AddMinutes(-1);
        var admittedThisMinute = await context.QueueEntries.CountAsync(
            q => q.EventId == eventId && q.AdmittedAt > minuteAgo, cancellationToken);
        var unclaimed = await context.QueueEntries.CountAsync(
            q => q.EventId == eventId && q.Status == QueueEntryStatus.Admitted && q.AdmissionExpiresAt > now, cancellationToken);
        var available = await inventory.AvailableAsync(eventId, cancellationToken);

        var count = @event.Queue.AdmissionsNow(admittedThisMinute, available, unclaimed);
        if (count == 0)
        {
            return 0;
        }

        var entries = await line.LockNextWaitingAsync(eventId, count, cancellationToken);
        var window = @event.Queue.AdmissionWindowFor(available);
        foreach (var entry in entries)
        {
            entry.Admit(now, window);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (entries.Count > 0)
        {
            logger.LogInformation("Admitted {Count} from the queue of event {EventId}", entries.Count, eventId);
            await live.PublishAsync(new LiveMessage(LiveMessage.EventQueue(eventId), "queueAdvanced", new { eventId }), cancellationToken);
        }

        return entries.Count;
    }
}
