namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// The transaction of a use case: its SaveChanges and its named-repository statements commit together or not at all.
/// One per scope, open at most once at a time; a command sent while it is open joins it (<see cref="IsOpen"/>).
/// </summary>
public interface IUnitOfWork
{
    bool IsOpen { get; }

    /// <summary>Opens the transaction. Disposing it uncommitted rolls it back and forgets its after-commit work.</summary>
    Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>A point the open transaction can go back to, undoing the statements since and the row locks they took.</summary>
    Task SavepointAsync(string name, CancellationToken cancellationToken);

    Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Work for once the open transaction committed, e.g. a follow-up that must see what it committed. Work under the
    /// same <paramref name="key"/> runs once. It runs outside the transaction, and its failure is logged, not thrown:
    /// what committed stays committed, so the use case has succeeded.
    /// </summary>
    void AfterCommit(string key, Func<CancellationToken, Task> work);
}

/// <summary>The open transaction, owned by whoever began it: only the owner commits.</summary>
public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    /// <summary>Commits, then runs the after-commit work in the order it was registered.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="hotRows"/> — the statements on rows every sale of a type updates — and the COMMIT on this
    /// thread without yielding it, then the after-commit work. PostgreSQL keeps an updated row locked until COMMIT; an
    /// awaited round trip gives the thread back, and under an on-sale its continuation waited 50–400 ms for a turn in
    /// the thread pool while every other sale of the type queued on the lock. Blocked, the thread is woken as soon as
    /// the answer arrives, so the lock lasts the round trips (ADR 24). Throwing from <paramref name="hotRows"/> commits
    /// nothing.
    /// </summary>
    Task CommitAfterAsync(Action hotRows, CancellationToken cancellationToken);
}
