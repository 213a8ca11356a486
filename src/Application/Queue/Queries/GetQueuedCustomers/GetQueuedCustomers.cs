using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue.Queries.GetQueuedCustomers;

/// <summary>
/// The customers still in an event's line (waiting or admitted), for the live pushes every one of them must hear
/// (soldOut) whether or not their client watches the queue.
/// </summary>
public sealed record GetQueuedCustomersQuery(Guid EventId) : IRequest<IReadOnlySet<Guid>>;

public sealed class GetQueuedCustomersQueryHandler(IApplicationDbContext context)
    : IRequestHandler<GetQueuedCustomersQuery, IReadOnlySet<Guid>>
{
    public async Task<IReadOnlySet<Guid>> Handle(GetQueuedCustomersQuery request, CancellationToken cancellationToken)
    {
        var customers = await context.QueueEntries.AsNoTracking()
            .Where(q => q.EventId == request.EventId && (q.Status == QueueEntryStatus.Waiting || q.Status == QueueEntryStatus.Admitted))
            .Select(q => q.CustomerId)
            .ToListAsync(cancellationToken);
        return customers.ToHashSet();
    }
}
