using Microsoft.Extensions.Hosting;
using Serilog;

namespace Ticketing.Infrastructure.Logging;

public static class LoggingSetup
{
    // Application names the host: scripts/run.sh interleaves the WebApi's and the Worker's lines in one console.
    // RequestId is pushed by the WebApi for each request; lines outside a request leave it empty.
    private const string OutputTemplate =
        "[{Timestamp:HH:mm:ss.fff} {Level:u3} {Application}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for both hosts: levels from the "Serilog" section, console output, plus any sink registered in DI. Each
    /// host logs through its own logger, not the static one, so a second host in the process (the integration tests
    /// start several) does not take over the first one's sinks. Every event carries <paramref name="application"/>
    /// ("WebApi", "Worker") as its Application property; it is passed in because the entry assembly's name is the test
    /// runner's when the tests build a host.
    /// </summary>
    public static IHostApplicationBuilder AddTicketingLogging(this IHostApplicationBuilder builder, string application)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", application)
                .WriteTo.Console(outputTemplate: OutputTemplate),
            preserveStaticLogger: true);
        return builder;
    }
}
