using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so per-IP limits and audit rows would see
/// one caller. Off by default: X-Forwarded-For is believed only from the addresses and networks listed in section
/// "ForwardedHeaders" (KnownProxies, KnownNetworks), since anyone else can write whatever they like in it.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddTicketingForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Walk back through as many known proxies as there are; the first address that is not one is the caller.
            options.ForwardLimit = null;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the caller's address; absent when no proxy is configured.</summary>
    public static WebApplication UseTicketingForwardedHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection(SectionName);
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
