using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Data;

/// <summary><see cref="IUnitOfWork"/> as a transaction of the scope's <see cref="ApplicationDbContext"/>.</summary>
public sealed class UnitOfWork(ApplicationDbContext context, ILogger<UnitOfWork> logger) : IUnitOfWork
{
    private readonly List<(string Key, Func<CancellationToken, Task> Work)> _afterCommit = [];
    private Transaction? _open;

    public bool IsOpen => _open is not null;

    public async Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (_open is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this unit of work.");
        }

        // EF wraps every SaveChanges inside a transaction in SAVEPOINT/RELEASE, two extra round trips, so that a
        // failed save could be retried within it. No use case does that: a failed save ends its transaction.
        context.Database.AutoSavepointsEnabled = false;
        _open = new Transaction(this, await context.Database.BeginTransactionAsync(cancellationToken));
        return _open;
    }

    public Task SavepointAsync(string name, CancellationToken cancellationToken) =>
        Open().Inner.CreateSavepointAsync(name, cancellationToken);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken) =>
        Open().Inner.RollbackToSavepointAsync(name, cancellationToken);

    public void AfterCommit(string key, Func<CancellationToken, Task> work)
    {
        Open();
        if (_afterCommit.All(w => w.Key != key))
        {
            _afterCommit.Add((key, work));
        }
    }

    private Transaction Open() =>
        _open ?? throw new InvalidOperationException("No transaction is open: begin the unit of work first.");

    private async Task CommittedAsync(CancellationToken cancellationToken)
    {
        _open = null;
        var work = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var (key, run) in work)
        {
            try
            {
                await run(cancellationToken);
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "After-commit work {Key} failed; what committed stays committed", key);
            }
        }
    }

    private void Ended()
    {
        _open = null;
        _afterCommit.Clear();
    }

    private sealed class Transaction(UnitOfWork unit, IDbContextTransaction inner) : IUnitOfWorkTransaction
    {
        private bool _ended;

        public IDbContextTransaction Inner { get; } = inner;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await Inner.CommitAsync(cancellationToken);
            _ended = true;
            await unit.CommittedAsync(cancellationToken);
        }

        public async Task CommitAfterAsync(Action hotRows, CancellationToken cancellationToken)
        {
            hotRows();
            Inner.Commit();
            _ended = true;
            await unit.CommittedAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            // Uncommitted, EF rolls the transaction back here.
            await Inner.DisposeAsync();
            if (!_ended)
            {
                _ended = true;
                unit.Ended();
            }
        }
    }
}
