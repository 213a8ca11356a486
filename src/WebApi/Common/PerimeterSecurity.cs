using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace Ticketing.WebApi.Common;

/// <summary>What stands between the internet and the endpoints: security headers, the global per-IP limit, scanner refusals, the API-key gate, and the audit of refusals.</summary>
public static class PerimeterSecurity
{
    /// <summary>Call after <c>AddOpenApi</c>: the API-key transformer adds to the requirements the bearer one wrote.</summary>
    public static IServiceCollection AddPerimeterSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
        services.AddSingleton<DeniedRequestAudit>();
        services.AddHostedService<DeniedRequestAuditFlush>();
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            options.AddOperationTransformer<ApiKeySecuritySchemeTransformer>();
        });
        return services;
    }

    /// <summary>
    /// Right after the request id, before anything else: headers first so every answer carries them (the scanner
    /// refusal and the 429 included), then the global per-IP limit, so that nothing below writes for a flood, then
    /// scanner paths, then the audit of authorization refusals, which must sit outside the exception handler to see
    /// the response it made.
    /// </summary>
    public static WebApplication UsePerimeterSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Only sent over HTTPS (and never for localhost); behind a TLS-terminating proxy that means forwarded headers.
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<GlobalRateLimitMiddleware>();
        app.UseMiddleware<ScannerPathMiddleware>();
        app.UseMiddleware<ForbiddenAuditMiddleware>();
        return app;
    }

    /// <summary>After authentication (so refusals are recorded with the user) and before anything answers business requests.</summary>
    public static WebApplication UseApiKeyGate(this WebApplication app)
    {
        // Read once: with the gate off the pipeline does not even contain it.
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireApiKey)
        {
            app.UseMiddleware<ApiKeyGateMiddleware>();
        }

        return app;
    }
}
