using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Data;

public sealed class TransactionLocks(ApplicationDbContext context) : ITransactionLocks
{
    public async Task AcquireAsync(string scope, Guid first, Guid? second, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An advisory transaction lock needs a transaction to live in.");
        }

        var key = $"{scope}:{first:N}:{second:N}";
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
