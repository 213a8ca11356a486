using Microsoft.Extensions.Configuration;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.Bench;

/// <summary>
/// What the bench must share with the system it drives: the database (to seed accounts, check invariants and run
/// pgbench), the JWT settings (to sign the seeded accounts' tokens) and the simulated provider's webhook secret. Read
/// like the WebApi reads them — its appsettings.json and appsettings.Development.json, then environment variables
/// (Jwt__SigningKey, Payments__Simulated__SecretKey) — with the connection string in TICKETING_BENCH_DB.
/// </summary>
public sealed record BenchSettings(string ConnectionString, JwtOptions Jwt, string WebhookSecret)
{
    public static BenchSettings Load()
    {
        var webApi = Path.Combine(RepositoryRoot(), "src", "WebApi");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(webApi, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(webApi, "appsettings.Development.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

        var connectionString = Environment.GetEnvironmentVariable("TICKETING_BENCH_DB")
            ?? configuration.GetConnectionString("Ticketing")
            ?? throw new UsageException("Set TICKETING_BENCH_DB to the system's connection string (bench/run.sh does it for scripts/run.sh's database).");
        var jwt = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();

        // Tokens are minted before setup and must outlive the longest run; the system checks signature and expiry only.
        jwt.AccessTokenMinutes = Math.Max(jwt.AccessTokenMinutes, 240);
        if (jwt.SigningKey.Length < 32)
        {
            throw new UsageException("Jwt:SigningKey is not configured: set Jwt__SigningKey to the key the system runs with.");
        }

        var secret = configuration["Payments:Simulated:SecretKey"];
        if (string.IsNullOrEmpty(secret))
        {
            throw new UsageException("Payments:Simulated:SecretKey is not configured: the bench pays through the simulated provider.");
        }

        return new BenchSettings(connectionString, jwt, secret);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ticketing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new UsageException("Run the bench from its place in the repository (bench/run.sh).");
    }
}
