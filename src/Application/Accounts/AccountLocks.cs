using Microsoft.EntityFrameworkCore.Storage;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Accounts;

/// <summary>
/// Serialises the changes to one account's sign-in secrets. Under the lock a read-then-write is as good as one
/// atomic statement: parallel guesses at a code are counted one after another, two issued codes cannot both stay
/// live, and two password changes cannot both pass the history check.
/// </summary>
public sealed class AccountLocks(IApplicationDbContext context, ITransactionLocks locks)
{
    private const string OneTimeCodes = "account-codes";
    private const string Passwords = "account-password";

    public Task<IDbContextTransaction> OneTimeCodesAsync(Guid userId, CancellationToken cancellationToken) =>
        LockAsync(OneTimeCodes, userId, cancellationToken);

    public Task<IDbContextTransaction> PasswordAsync(Guid userId, CancellationToken cancellationToken) =>
        LockAsync(Passwords, userId, cancellationToken);

    private async Task<IDbContextTransaction> LockAsync(string scope, Guid userId, CancellationToken cancellationToken)
    {
        // Should taking the lock fail, the request's DbContext rolls the transaction back when it is disposed.
        var transaction = await context.BeginTransactionAsync(cancellationToken);
        await locks.AcquireAsync(scope, userId, null, cancellationToken);
        return transaction;
    }
}
