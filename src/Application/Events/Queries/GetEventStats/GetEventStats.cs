using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Events.Queries.GetEventStats;

/// <summary>
/// The organizer's snapshot of one event: the queue, the claims in flight, the stock, the money and the door. The
/// same counters are pushed to the dashboard every two seconds while the event sells; this is the one to load first.
/// </summary>
[Authorize]
public sealed record GetEventStatsQuery(Guid EventId) : IRequest<EventStatsDto>;

/// <param name="Revenue">One line per currency (an event normally sells in one).</param>
public sealed record EventStatsDto(
    Guid EventId,
    EventState State,
    int Waiting,
    int Admitted,
    int PendingClaims,
    int Held,
    int Sold,
    int Available,
    int CheckedIn,
    IReadOnlyList<EventRevenueDto> Revenue);

/// <param name="Refunds">What cancellations gave back: the prices of the tickets they voided (a used ticket stays paid).</param>
public sealed record EventRevenueDto(string Currency, int Bookings, decimal Gross, decimal Refunds, decimal Net);

public sealed class GetEventStatsQueryHandler(IApplicationDbContext context, ICurrentUser currentUser)
    : IRequestHandler<GetEventStatsQuery, EventStatsDto>
{
    public async Task<EventStatsDto> Handle(GetEventStatsQuery request, CancellationToken cancellationToken)
    {
        var @event = await context.Events.AsNoTracking().Include(e => e.TicketTypes).SingleOrDefaultAsync(e => e.Id == request.EventId, cancellationToken)
            ?? throw new NotFoundException("Event");
        currentUser.EnsureCanManage(@event);

        var queue = await context.QueueEntries
            .Where(q => q.EventId == @event.Id && (q.Status == QueueEntryStatus.Waiting || q.Status == QueueEntryStatus.Admitted))
            .GroupBy(q => q.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var pendingClaims = await context.Claims.CountAsync(c => c.EventId == @event.Id && c.Status == ClaimStatus.Pending, cancellationToken);
        var checkedIn = await context.Bookings
            .Where(b => b.EventId == @event.Id)
            .SelectMany(b => b.Tickets)
            .CountAsync(t => t.Status == TicketStatus.CheckedIn, cancellationToken);
        var revenue = await context.Bookings
            .Where(b => b.EventId == @event.Id)
            .GroupBy(b => b.Currency)
            .Select(g => new
            {
                Currency = g.Key,
                Bookings = g.Count(),
                Gross = g.Sum(b => b.TotalAmount),
            })
            .ToListAsync(cancellationToken);

        // A cancellation refunds the tickets it voided; a ticket used at the door stays paid (ADR 0011).
        var refunds = await context.Bookings
            .Where(b => b.EventId == @event.Id && b.Status == BookingStatus.Cancelled)
            .SelectMany(b => b.Tickets.Where(t => t.Status == TicketStatus.Void).Select(t => new { b.Currency, t.Price.Amount }))
            .GroupBy(t => t.Currency)
            .Select(g => new { Currency = g.Key, Amount = g.Sum(t => t.Amount) })
            .ToDictionaryAsync(r => r.Currency, r => r.Amount, cancellationToken);

        return new EventStatsDto(
            @event.Id,
            @event.State,
            queue.GetValueOrDefault(QueueEntryStatus.Waiting),
            queue.GetValueOrDefault(QueueEntryStatus.Admitted),
            pendingClaims,
            @event.TicketTypes.Sum(t => t.Held),
            @event.TicketTypes.Sum(t => t.Sold),
            @event.TicketTypes.Sum(t => t.Capacity - t.Sold - t.Held),
            checkedIn,
            revenue
                .OrderBy(r => r.Currency, StringComparer.Ordinal)
                .Select(r => new EventRevenueDto(
                    r.Currency,
                    r.Bookings,
                    new Money(r.Gross, r.Currency).ToMajor(),
                    new Money(refunds.GetValueOrDefault(r.Currency), r.Currency).ToMajor(),
                    new Money(r.Gross - refunds.GetValueOrDefault(r.Currency), r.Currency).ToMajor()))
                .ToList());
    }
}
