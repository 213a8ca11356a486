using Ticketing.Infrastructure.Data;

namespace Ticketing.WebApi;

public static class DatabaseStartup
{
    /// <summary>
    /// Development migrates and seeds the demo accounts at start (Database:MigrateOnStartup, Database:SeedDemoData);
    /// elsewhere migrations run only through the explicit <c>migrate</c> command and nothing is seeded.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var isDevelopment = app.Environment.IsDevelopment();
        var migrate = app.Configuration.GetValue("Database:MigrateOnStartup", isDevelopment);
        var seed = isDevelopment && app.Configuration.GetValue("Database:SeedDemoData", true);
        if (!migrate && !seed)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (migrate)
        {
            await initializer.MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        if (seed)
        {
            await initializer.SeedDemoDataAsync(app.Lifetime.ApplicationStopping);
            app.Logger.LogInformation(
                "Demo logins, password {Password}: {Logins}",
                DatabaseInitializer.DemoPassword,
                string.Join(", ", DatabaseInitializer.DemoUsers.Select(u => $"{u.Email} ({u.Role})")));
        }
    }
}
