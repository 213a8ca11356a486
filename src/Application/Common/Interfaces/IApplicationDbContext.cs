using Microsoft.EntityFrameworkCore;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.ApiKeys;
using Ticketing.Domain.Audit;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;
using Ticketing.Domain.Payments;
using Ticketing.Domain.Queue;
using Ticketing.Domain.Venues;
using Ticketing.Domain.Wallets;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// The aggregates of the unit of work. Its DbSets are the repositories for ordinary aggregates; statements that must
/// be one atomic SQL update live in named repositories instead (architecture.md, "Concurrency"). What commits
/// together is <see cref="IUnitOfWork"/>'s.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<AuthSession> AuthSessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<OneTimeCode> OneTimeCodes { get; }

    DbSet<PasswordResetToken> PasswordResetTokens { get; }

    DbSet<Venue> Venues { get; }

    DbSet<Event> Events { get; }

    DbSet<EventSeat> EventSeats { get; }

    DbSet<QueueEntry> QueueEntries { get; }

    DbSet<Claim> Claims { get; }

    DbSet<Payment> Payments { get; }

    DbSet<Booking> Bookings { get; }

    DbSet<Wallet> Wallets { get; }

    DbSet<WalletTransaction> WalletTransactions { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<ApiKey> ApiKeys { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every loaded entity and unsaved change, e.g. after losing an optimistic-concurrency race.</summary>
    void DiscardTrackedChanges();
}
