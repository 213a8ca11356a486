using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Ticketing.Infrastructure.Data;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Persistence;

/// <summary>The migrations were squashed into one: a database built by the old ones is refused with a way out.</summary>
public sealed class MigrationHistoryTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string SquashedAway = "20261123091517_InitialAccounts";

    [Fact]
    public async Task A_database_made_by_the_squashed_migrations_is_refused_before_anything_is_applied()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{SquashedAway}', '10.0.0')");
        try
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var migrate = () => scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);

            var refusal = await Should.ThrowAsync<InvalidOperationException>(migrate);
            refusal.Message.ShouldContain(SquashedAway);
            refusal.Message.ShouldContain("Recreate it");
        }
        finally
        {
            await Execute(connection, $"DELETE FROM \"__EFMigrationsHistory\" WHERE migration_id = '{SquashedAway}'");
        }
    }

    [Fact]
    public async Task The_one_migration_describes_the_whole_model_and_is_applied()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database;

        database.HasPendingModelChanges().ShouldBeFalse("a model change needs its migration");
        (await database.GetAppliedMigrationsAsync()).ShouldBe(database.GetMigrations());
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
