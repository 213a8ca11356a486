using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Events.Commands.OpenDueSales;

/// <summary>
/// Scheduled → OnSale for every event whose sale start has come (the OpenSales job), drawing its pre-queue into a
/// random order from the seed committed at publish (<see cref="PreQueueDraw"/>); later joiners queue behind.
/// Returns how many opened.
/// </summary>
public sealed record OpenDueSalesCommand(int BatchSize = 100) : IRequest<int>;

public sealed class OpenDueSalesCommandHandler(
    IApplicationDbContext context, IUnitOfWork unitOfWork, IQueueLine line, TimeProvider timeProvider, ILogger<OpenDueSalesCommandHandler> logger)
    : IRequestHandler<OpenDueSalesCommand, int>
{
    public async Task<int> Handle(OpenDueSalesCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await context.Events
            .Where(e => e.State == EventState.Scheduled && e.SaleStartsAt <= now)
            .OrderBy(e => e.SaleStartsAt)
            .Select(e => e.Id)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        var opened = 0;
        foreach (var eventId in due)
        {
            await using var transaction = await unitOfWork.BeginAsync(cancellationToken);

            // Pre-queue joins hold the event's row until they commit (JoinQueue): with it locked, the read below
            // sees every one of them, and any join still to come sees the sale open and queues behind the draw.
            await line.LockForDrawAsync(eventId, cancellationToken);

            // Read the event only under the lock: an organizer may have cancelled it or moved its sale since it was
            // found due, and opening the copy read before would overwrite that.
            var @event = await context.Events
                .SingleOrDefaultAsync(e => e.Id == eventId && e.State == EventState.Scheduled && e.SaleStartsAt <= now, cancellationToken);
            if (@event is null)
            {
                continue;
            }

            @event.OpenSale(now);
            var preQueue = await context.QueueEntries
                .Where(q => q.EventId == @event.Id && q.InPreQueue && q.Ordinal == null && q.Status == QueueEntryStatus.Waiting)
                .Select(q => q.Id)
                .ToListAsync(cancellationToken);
            await line.PlaceDrawAsync(PreQueueDraw.Order(@event.QueueSeed!, preQueue), cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            opened++;
            logger.LogInformation("Sale opened for event {EventId}; {Count} drawn from the pre-queue", @event.Id, preQueue.Count);
        }

        return opened;
    }
}
