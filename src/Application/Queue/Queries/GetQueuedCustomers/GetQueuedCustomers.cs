using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue.Queries.GetQueuedCustomers;

/// <summary>
/// Which of <see cref="CustomerIds"/> are still in an event's line (waiting or admitted), for the live pushes every one
/// of them must hear (soldOut) whether or not their client watches the queue. Asked with the customers an instance
/// holds connections for, so the answer is at most that many ids, not the whole line of 50,000.
/// </summary>
public sealed record GetQueuedCustomersQuery(Guid EventId, IReadOnlyCollection<Guid> CustomerIds) : IRequest<IReadOnlySet<Guid>>;

public sealed class GetQueuedCustomersQueryHandler(IApplicationDbContext context)
    : IRequestHandler<GetQueuedCustomersQuery, IReadOnlySet<Guid>>
{
    public async Task<IReadOnlySet<Guid>> Handle(GetQueuedCustomersQuery request, CancellationToken cancellationToken)
    {
        var customers = await context.QueueEntries.AsNoTracking()
            .Where(q => q.EventId == request.EventId && (q.Status == QueueEntryStatus.Waiting || q.Status == QueueEntryStatus.Admitted))
            .Where(q => request.CustomerIds.Contains(q.CustomerId))
            .Select(q => q.CustomerId)
            .ToListAsync(cancellationToken);
        return customers.ToHashSet();
    }
}
