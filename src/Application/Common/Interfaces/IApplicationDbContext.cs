using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Events;
using Ticketing.Domain.Venues;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// The unit of work. Its DbSets are the repositories for ordinary aggregates; statements that must be one
/// atomic SQL update live in named repositories instead (architecture.md, "Concurrency").
/// </summary>
public interface IApplicationDbContext
{
    DbSet<AuthSession> AuthSessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<Venue> Venues { get; }

    DbSet<Event> Events { get; }

    DbSet<EventSeat> EventSeats { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>For a use case whose SaveChanges and named-repository statements must commit together.</summary>
    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken);
}
