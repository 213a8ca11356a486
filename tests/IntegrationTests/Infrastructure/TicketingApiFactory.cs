using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Ticketing.WebApi.Endpoints;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>The real WebApi on a real database, with a clock the tests move by hand.</summary>
public sealed class TicketingApiFactory(string connectionString, string environment = "Development", FakeTimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    public static string MailDirectory => TestMailDirectory.Path;

    public static readonly IReadOnlyList<string> RateLimitPolicies =
        ["Global", "Auth", "RegisterPerIp", "RegisterPerAccount", "RefreshPerIp", "RefreshPerToken", "LoginPerIp", "LoginPerAccount", "OtpPerIp", "OtpPerAccount", "QueueJoin", "Claims"];

    public FakeTimeProvider Clock { get; } = clock ?? new(DateTimeOffset.UtcNow);

    public CapturedLogs Logs { get; } = new();

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Ticketing", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("Email:DevelopmentDirectory", MailDirectory);

        // The suite signs in and claims hundreds of times from one client with no remote address, which the
        // production limits would refuse; tests of the limits themselves lower them again through Settings.
        foreach (var policy in RateLimitPolicies)
        {
            builder.UseSetting($"RateLimiting:{policy}:PermitLimit", "1000000");
        }

        // Places in line as of now, not as of the last snapshot: tests check them right after each change.
        builder.UseSetting("Queue:PositionMaxAge", "00:00:00");

        // Likewise availability right after each claim; the cache itself is tested with a longer age.
        builder.UseSetting("Events:CacheMaxAge", "00:00:00");

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILogEventSink>(Logs);

            // Hashing cost is a production setting; tests log in hundreds of times.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);

            // The simulated checkout page posts its webhook to this API; in tests "this API" is the test server.
            services.AddHttpClient(SimulatedGatewayEndpoints.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        });
    }
}
