using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Commands.OpenDueSales;

/// <summary>Scheduled → OnSale for every event whose sale start has come (the OpenSales job). Returns how many opened.</summary>
public sealed record OpenDueSalesCommand(int BatchSize = 100) : IRequest<int>;

public sealed class OpenDueSalesCommandHandler(
    IApplicationDbContext context, TimeProvider timeProvider, ILogger<OpenDueSalesCommandHandler> logger)
    : IRequestHandler<OpenDueSalesCommand, int>
{
    public async Task<int> Handle(OpenDueSalesCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await context.Events
            .Where(e => e.State == EventState.Scheduled && e.SaleStartsAt <= now)
            .OrderBy(e => e.SaleStartsAt)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var @event in due)
        {
            @event.OpenSale(now);
        }

        await context.SaveChangesAsync(cancellationToken);
        foreach (var @event in due)
        {
            logger.LogInformation("Sale opened for event {EventId}", @event.Id);
        }

        return due.Count;
    }
}
