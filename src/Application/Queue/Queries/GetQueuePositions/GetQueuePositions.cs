using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue.Queries.GetQueuePositions;

/// <summary>
/// Places in line of the given waiting customers (waiting entries ahead of each), for live position pushes to the
/// customers connected to one WebApi instance. Customers not waiting in a drawn place are left out.
/// </summary>
public sealed record GetQueuePositionsQuery(Guid EventId, IReadOnlyCollection<Guid> CustomerIds) : IRequest<IReadOnlyDictionary<Guid, int>>;

public sealed class GetQueuePositionsQueryHandler(IApplicationDbContext context, IQueueLine line)
    : IRequestHandler<GetQueuePositionsQuery, IReadOnlyDictionary<Guid, int>>
{
    public async Task<IReadOnlyDictionary<Guid, int>> Handle(GetQueuePositionsQuery request, CancellationToken cancellationToken)
    {
        var customerIds = request.CustomerIds.ToArray();
        var places = await context.QueueEntries.AsNoTracking()
            .Where(q => q.EventId == request.EventId && q.Status == QueueEntryStatus.Waiting && q.Ordinal != null && customerIds.Contains(q.CustomerId))
            .Select(q => new { q.CustomerId, Ordinal = q.Ordinal!.Value })
            .ToListAsync(cancellationToken);
        var positions = new Dictionary<Guid, int>(places.Count);
        foreach (var place in places)
        {
            positions[place.CustomerId] = await line.CountAheadAsync(request.EventId, place.Ordinal, cancellationToken);
        }

        return positions;
    }
}
