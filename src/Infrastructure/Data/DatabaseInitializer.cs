using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.Infrastructure.Data;

/// <summary>Applies the migrations, and in Development seeds the demo accounts.</summary>
public sealed class DatabaseInitializer(
    ApplicationDbContext context,
    UserManager<ApplicationUser> userManager,
    IIdentityService identity,
    DemoCatalogue catalogue,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoPassword = "Ticketing#2026";

    public static readonly IReadOnlyList<(string Email, string DisplayName, string Role)> DemoUsers =
    [
        ("admin@example.com", "Demo Admin", Roles.Admin),
        ("organizer@example.com", "Demo Organizer", Roles.Organizer),
        ("staff@example.com", "Demo Staff", Roles.Staff),
        ("customer@example.com", "Demo Customer", Roles.Customer),
    ];

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Npgsql cannot ask whether the history table exists (search_path), so on an empty database EF reads it, fails
        // and logs "Failed executing DbCommand" at Error before carrying on (npgsql/efcore.pg#3407): three alarming,
        // harmless lines on every first start. Creating the table first (IF NOT EXISTS, as Migrate itself would) means
        // every read succeeds; a real database error still logs as one.
        await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

        // The first wave's migrations were squashed into one (Initial); a database they built cannot be carried on.
        var unknown = (await context.Database.GetAppliedMigrationsAsync(cancellationToken))
            .Except(context.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database holds {unknown.Count} migrations this build does not know (first: {unknown[0]}): it was " +
                "made by the migrations squashed into Initial. Recreate it (scripts/run.sh: delete .data/postgres).");
        }

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database migrated ({Count} migrations applied)", pending.Count);
    }

    /// <summary>Development only: accounts with a published password must never exist anywhere else.</summary>
    public async Task SeedDemoDataAsync(CancellationToken cancellationToken)
    {
        foreach (var (email, displayName, role) in DemoUsers)
        {
            if (await userManager.FindByEmailAsync(email) is null)
            {
                await identity.CreateUserAsync(email, DemoPassword, displayName, [role], cancellationToken);
            }
        }

        async Task<Guid> IdOf(string email) => (await userManager.FindByEmailAsync(email))!.Id;
        await catalogue.SeedAsync(
            new DemoAccounts(await IdOf("organizer@example.com"), await IdOf("staff@example.com"), await IdOf("customer@example.com")),
            cancellationToken);
    }
}
