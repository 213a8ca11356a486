using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Ticketing.Domain.Accounts;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.Infrastructure.Data.Interceptors;

/// <summary>
/// Tells this instance's <see cref="SessionRevocations"/> about the sessions it revokes itself, once they are
/// committed: a logout must hold on the very next request here, before the trigger's NOTIFY has come back. What a
/// save revokes inside a transaction waits for that transaction's commit; a rolled-back one is forgotten with it.
/// </summary>
public sealed class SessionRevocationsInterceptor(SessionRevocations revocations) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, List<Guid>> _inTransaction = new();
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _inSave = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(transaction);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var revoked = context.ChangeTracker.Entries<AuthSession>()
            .Where(e => e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && e.Entity.IsRevoked && e.Property(s => s.RevokedAt).OriginalValue is null))
            .Select(e => e.Entity.Id)
            .ToList();
        if (revoked.Count == 0)
        {
            return;
        }

        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _inTransaction.GetOrCreateValue(transaction).AddRange(revoked);
        }
        else
        {
            _inSave.AddOrUpdate(context, revoked);
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is not null && _inSave.TryGetValue(context, out var revoked))
        {
            _inSave.Remove(context);
            revoked.ForEach(revocations.Add);
        }
    }

    private void Publish(DbTransaction transaction)
    {
        if (_inTransaction.TryGetValue(transaction, out var revoked))
        {
            _inTransaction.Remove(transaction);
            revoked.ForEach(revocations.Add);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _inSave.Remove(context);
        }
    }
}
