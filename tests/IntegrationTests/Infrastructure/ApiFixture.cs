using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Ticketing.Infrastructure.Data;

namespace Ticketing.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>One database and one API host for the whole run; Respawn empties the tables before each test.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    public PostgresServer Database { get; private set; } = null!;

    public TicketingApiFactory Factory { get; private set; } = null!;

    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync()
    {
        TestMailDirectory.RemoveThoseOfDeadRuns();
        Database = await PostgresServer.StartAsync();
        Factory = new TicketingApiFactory(Database.ConnectionString);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // Reference data owned by the migrations stays.
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("roles")],
        });
    }

    public async Task ResetAsync()
    {
        // Refusals summarised in memory belong to the previous test: write them out before the tables are emptied.
        await Factory.Services.GetRequiredService<Ticketing.WebApi.Common.DeniedRequestAudit>().FlushAsync(all: true);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        TestMailDirectory.Remove();
    }
}
