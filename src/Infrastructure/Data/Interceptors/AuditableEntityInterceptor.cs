using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;

namespace Ticketing.Infrastructure.Data.Interceptors;

/// <summary>
/// Stamps who created and last changed each auditable row, from the current user and the clock. Shared by every
/// pooled context, so the current user comes from the request that holds the context now.
/// </summary>
public sealed class AuditableEntityInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries<IAuditable>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || HasChangedOwnedEntities(e))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var currentUser = CurrentUser(context);
        var now = timeProvider.GetUtcNow();
        foreach (var entry in changed)
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.CreatedBy = currentUser.UserId;
            }
            else
            {
                entry.Entity.LastModifiedAt = now;
                entry.Entity.LastModifiedBy = currentUser.UserId;
            }
        }
    }

    private static ICurrentUser CurrentUser(DbContext context) =>
        (context as ApplicationDbContext)?.LeasedBy?.GetRequiredService<ICurrentUser>()
        ?? throw new InvalidOperationException("Only a context leased for a scope can be saved: it stamps the scope's current user.");

    private static bool HasChangedOwnedEntities(EntityEntry entry) =>
        entry.References.Any(r =>
            r.TargetEntry is not null
            && r.TargetEntry.Metadata.IsOwned()
            && r.TargetEntry.State is EntityState.Added or EntityState.Modified);
}
