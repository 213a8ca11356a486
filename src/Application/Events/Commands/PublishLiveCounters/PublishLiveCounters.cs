using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Events.Commands.PublishLiveCounters;

/// <summary>Pushes each selling event's live counters (waiting, admitted, pending, sold) to its organizer's dashboard.</summary>
public sealed record PublishLiveCountersCommand : IRequest<int>;

public sealed record LiveCountersDto(Guid EventId, EventState State, int Waiting, int Admitted, int PendingClaims, int Held, int Sold, int Available);

public sealed class PublishLiveCountersCommandHandler(IApplicationDbContext context, ILiveNotifier live)
    : IRequestHandler<PublishLiveCountersCommand, int>
{
    public async Task<int> Handle(PublishLiveCountersCommand request, CancellationToken cancellationToken)
    {
        var counters = await context.Events.AsNoTracking()
            .Where(e => e.State == EventState.Scheduled || e.State == EventState.OnSale || e.State == EventState.SoldOut)
            .Select(e => new LiveCountersDto(
                e.Id,
                e.State,
                context.QueueEntries.Count(q => q.EventId == e.Id && q.Status == QueueEntryStatus.Waiting),
                context.QueueEntries.Count(q => q.EventId == e.Id && q.Status == QueueEntryStatus.Admitted),
                context.Claims.Count(c => c.EventId == e.Id && c.Status == ClaimStatus.Pending),
                e.TicketTypes.Sum(t => t.Held),
                e.TicketTypes.Sum(t => t.Sold),
                e.TicketTypes.Sum(t => t.Capacity - t.Sold - t.Held)))
            .ToListAsync(cancellationToken);
        foreach (var counter in counters)
        {
            await live.PublishAsync(new LiveMessage(LiveMessage.EventDashboard(counter.EventId), "counters", counter), cancellationToken);
        }

        return counters.Count;
    }
}
