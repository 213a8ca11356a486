using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Accounts;

/// <summary>
/// Serialises the changes to one account's sign-in secrets. Under the lock a read-then-write is as good as one
/// atomic statement: parallel guesses at a code are counted one after another, two issued codes cannot both stay
/// live, two password changes cannot both pass the history check, and of two refreshes racing with one token the
/// later sees it spent.
/// </summary>
public sealed class AccountLocks(IUnitOfWork unitOfWork, ITransactionLocks locks)
{
    private const string OneTimeCodes = "account-codes";
    private const string Passwords = "account-password";
    private const string RefreshTokens = "session-refresh-tokens";

    public Task<IUnitOfWorkTransaction> OneTimeCodesAsync(Guid userId, CancellationToken cancellationToken) =>
        LockAsync(OneTimeCodes, userId, cancellationToken);

    public Task<IUnitOfWorkTransaction> PasswordAsync(Guid userId, CancellationToken cancellationToken) =>
        LockAsync(Passwords, userId, cancellationToken);

    public Task<IUnitOfWorkTransaction> RefreshTokensAsync(Guid sessionId, CancellationToken cancellationToken) =>
        LockAsync(RefreshTokens, sessionId, cancellationToken);

    private async Task<IUnitOfWorkTransaction> LockAsync(string scope, Guid id, CancellationToken cancellationToken)
    {
        // Should taking the lock fail, the request's scope rolls the transaction back when it is disposed.
        var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await locks.AcquireAsync(scope, id, null, cancellationToken);
        return transaction;
    }
}
