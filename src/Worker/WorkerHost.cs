using Ticketing.Application;
using Ticketing.Infrastructure;
using Ticketing.Infrastructure.Logging;

namespace Ticketing.Worker;

public static class WorkerHost
{
    /// <summary>The Worker's host, ready to build; the integration tests build the same one.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddTicketingLogging("Worker");
        builder.Services
            .AddApplication(builder.Configuration)
            .AddInfrastructure();
        builder.AddWorker();
        return builder;
    }
}
