using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Events;
using Ticketing.Infrastructure.Data;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

/// <summary>A newcomer's first start migrates an empty database; nothing it prints may look like a failure.</summary>
public sealed class FirstStartLogTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Migrating_an_empty_database_logs_no_error()
    {
        var name = $"first_start_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
            await using var factory = new TicketingApiFactory(connectionString);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
                var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
                (await context.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            }

            // Only the migration's own lines: this host's background services also start on the empty database, which
            // scripts/run.sh never does (it migrates in a process of its own first).
            factory.Logs.Events.Where(e => e.Level >= LogEventLevel.Error)
                .Select(e => e.RenderMessage())
                .Where(m => m.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
                .ShouldBeEmpty();
        }
        finally
        {
            await ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
