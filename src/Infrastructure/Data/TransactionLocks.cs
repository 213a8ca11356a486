using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Data;

public sealed class TransactionLocks(ApplicationDbContext context) : ITransactionLocks
{
    public async Task AcquireAsync(string scope, Guid first, Guid? second, CancellationToken cancellationToken)
    {
        EnsureTransaction();
        var key = Key(scope, first, second);
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }

    public async Task AcquireAllAsync(string scope, Guid first, IReadOnlyCollection<Guid> seconds, CancellationToken cancellationToken)
    {
        EnsureTransaction();

        // unnest yields the array in order, and the locks are taken row by row as it does.
        var keys = seconds.Select(s => Key(scope, first, s)).Distinct().Order(StringComparer.Ordinal).ToArray();
        await context.Database.ExecuteSqlAsync(
            $"SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest({keys}) AS k", cancellationToken);
    }

    private static string Key(string scope, Guid first, Guid? second) => $"{scope}:{first:N}:{second:N}";

    private void EnsureTransaction()
    {
        if (context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An advisory transaction lock needs a transaction to live in.");
        }
    }
}
