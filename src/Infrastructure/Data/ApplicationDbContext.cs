using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.ApiKeys;
using Ticketing.Domain.Audit;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Payments;
using Ticketing.Domain.Queue;
using Ticketing.Domain.Venues;
using Ticketing.Domain.Wallets;
using Ticketing.Infrastructure.Data.Configurations;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.Infrastructure.Data;

public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IApplicationDbContext
{
    /// <summary>
    /// The services of the scope that rented this pooled context, while it holds it: the pool-shared interceptors
    /// take the request's services (the current user) from here.
    /// </summary>
    internal IServiceProvider? LeasedBy { get; set; }

    // Disposing a pooled context returns it to the pool: it must not keep the finished scope alive.
    public override void Dispose()
    {
        LeasedBy = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        LeasedBy = null;
        return base.DisposeAsync();
    }

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<EventSeat> EventSeats => Set<EventSeat>();

    public DbSet<QueueEntry> QueueEntries => Set<QueueEntry>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Wallet> Wallets => Set<Wallet>();

    public DbSet<WalletTransaction> WalletTransactions => Set<WalletTransaction>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public void DiscardTrackedChanges() => ChangeTracker.Clear();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex) when (ConstraintViolations.Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly());
        builder.HasSequence<long>(QueueEntryConfiguration.OrdinalSequence).StartsAt(1_000_000_000_000);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IAggregateRoot).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            // PostgreSQL's xmin changes on every row update: a free optimistic-concurrency token.
            builder.Entity(entityType.ClrType).Property<uint>("Version").IsRowVersion();
        }
    }
}
