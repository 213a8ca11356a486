using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ticketing.Domain.Common;
using Ticketing.Infrastructure.Outbox;

namespace Ticketing.Infrastructure.Data.Interceptors;

/// <summary>
/// Turns the domain events of every tracked entity into outbox rows inside the same SaveChanges, so an event
/// exists exactly when its change was committed: never one without the other.
/// </summary>
public sealed class DomainEventsToOutboxInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WriteToOutbox(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        WriteToOutbox(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void WriteToOutbox(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var sources = context.ChangeTracker.Entries<IHasDomainEvents>()
            .Select(e => e.Entity)
            .Where(e => e.DomainEvents.Count > 0)
            .ToList();
        if (sources.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        foreach (var source in sources)
        {
            foreach (var domainEvent in source.DomainEvents)
            {
                context.Set<OutboxMessage>().Add(new OutboxMessage
                {
                    Type = OutboxSerializer.TypeName(domainEvent),
                    Payload = OutboxSerializer.Serialize(domainEvent),
                    OccurredAt = now,
                    NextAttemptAt = now,
                });
            }

            source.ClearDomainEvents();
        }
    }
}
