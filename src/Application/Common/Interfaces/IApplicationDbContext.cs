using Microsoft.EntityFrameworkCore;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// The unit of work. Its DbSets are the repositories for ordinary aggregates; statements that must be one
/// atomic SQL update live in named repositories instead (architecture.md, "Concurrency").
/// </summary>
public interface IApplicationDbContext
{
    DbSet<AuthSession> AuthSessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
