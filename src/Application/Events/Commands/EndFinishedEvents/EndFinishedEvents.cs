using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Commands.EndFinishedEvents;

/// <summary>OnSale/SoldOut → Ended for every event that is over (EndFinishedEventsJob). Returns how many ended.</summary>
public sealed record EndFinishedEventsCommand(int BatchSize = 100) : IRequest<int>;

public sealed class EndFinishedEventsCommandHandler(
    IApplicationDbContext context, TimeProvider timeProvider, ILogger<EndFinishedEventsCommandHandler> logger)
    : IRequestHandler<EndFinishedEventsCommand, int>
{
    public async Task<int> Handle(EndFinishedEventsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var over = await context.Events
            .Where(e => (e.State == EventState.OnSale || e.State == EventState.SoldOut) && e.EndsAt <= now)
            .OrderBy(e => e.EndsAt)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var @event in over)
        {
            @event.End(now);
        }

        await context.SaveChangesAsync(cancellationToken);
        foreach (var @event in over)
        {
            logger.LogInformation("Event {EventId} ended", @event.Id);
        }

        return over.Count;
    }
}
