using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Inventory;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Bookings.Commands.RefundCancelledEvents;

/// <summary>
/// Unwinds cancelled events (the RefundCancelledEvents job): pending claims are released, and every confirmed
/// booking is cancelled and its unused tickets refunded — to the card where a card paid and no ticket was used,
/// else to the wallet — each in its own transaction. Resumable: whatever a run does not reach, the next run does; a booking is never refunded twice
/// because only Confirmed bookings are picked and cancelling one is a state change.
/// </summary>
public sealed record RefundCancelledEventsCommand(int BatchSize = 50) : IRequest<int>;

public sealed class RefundCancelledEventsCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    IClaimRows claims,
    ClaimExpiry expiry,
    BookingRefunds refunds,
    TimeProvider timeProvider,
    ILogger<RefundCancelledEventsCommandHandler> logger) : IRequestHandler<RefundCancelledEventsCommand, int>
{
    public async Task<int> Handle(RefundCancelledEventsCommand request, CancellationToken cancellationToken)
    {
        var cancelled = context.Events.Where(e => e.State == EventState.Cancelled).Select(e => e.Id);
        await ReleasePendingClaimsAsync(cancelled, request.BatchSize, cancellationToken);

        var bookingIds = await context.Bookings
            .Where(b => b.Status == BookingStatus.Confirmed && cancelled.Contains(b.EventId))
            .OrderBy(b => b.CreatedAt)
            .Select(b => b.Id)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var bookingId in bookingIds)
        {
            await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
            var booking = await context.Bookings.SingleAsync(b => b.Id == bookingId, cancellationToken);
            await refunds.CancelAsync(booking, "the event was cancelled", Canceller.Organizer, toCard: true, cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            context.DiscardTrackedChanges();
        }

        if (bookingIds.Count > 0)
        {
            logger.LogInformation("Refunded {Count} bookings of cancelled events", bookingIds.Count);
        }

        return bookingIds.Count;
    }

    private async Task ReleasePendingClaimsAsync(IQueryable<Guid> cancelledEvents, int batchSize, CancellationToken cancellationToken)
    {
        var claimIds = await context.Claims
            .Where(c => c.Status == ClaimStatus.Pending && cancelledEvents.Contains(c.EventId))
            // Oldest first (UUIDv7 ids), like the bookings below; a Take without an order is also an EF warning
            // the Worker printed on every start.
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        foreach (var claimId in claimIds)
        {
            await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
            if (await claims.LockAsync(claimId, cancellationToken) is { Status: ClaimStatus.Pending } claim)
            {
                claim.Release(timeProvider.GetUtcNow());
                await expiry.ReturnAsync(claim, cancellationToken);
                await context.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            context.DiscardTrackedChanges();
        }
    }
}
