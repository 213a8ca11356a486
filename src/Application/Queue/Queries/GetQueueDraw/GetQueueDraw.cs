using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue.Queries.GetQueueDraw;

/// <summary>
/// The pre-queue draw, for anyone to check: the seed (public once the sale opened), its SHA-256 (public since
/// publishing) and the drawn entry ids in order. Recompute with <see cref="PreQueueDraw"/>'s recipe.
/// </summary>
public sealed record GetQueueDrawQuery(Guid EventId) : IRequest<QueueDrawDto>;

public sealed record QueueDrawDto(Guid EventId, string SeedHash, string Seed, IReadOnlyList<Guid> EntryIds);

public sealed class GetQueueDrawQueryHandler(IApplicationDbContext context, ICurrentUser currentUser)
    : IRequestHandler<GetQueueDrawQuery, QueueDrawDto>
{
    public async Task<QueueDrawDto> Handle(GetQueueDrawQuery request, CancellationToken cancellationToken)
    {
        var @event = await context.FindVisibleEventAsync(currentUser, request.EventId, cancellationToken);
        if (@event.SaleOpenedAt is null || @event.QueueSeed is null)
        {
            throw new DomainException(Errors.InvalidState, "The draw happens when the sale opens.");
        }

        var drawn = await context.QueueEntries.AsNoTracking()
            .Where(q => q.EventId == @event.Id && q.InPreQueue && q.Ordinal != null)
            .OrderBy(q => q.Ordinal)
            .Select(q => q.Id)
            .ToListAsync(cancellationToken);
        return new QueueDrawDto(@event.Id, @event.QueueSeedHash!, Convert.ToHexStringLower(@event.QueueSeed), drawn);
    }
}
