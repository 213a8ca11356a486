using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Serilog.Core;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Health;
using Ticketing.Infrastructure.Identity;
using Ticketing.WebApi.Common;
using Ticketing.WebApi.Live;

namespace Ticketing.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<ILogEventEnricher, RequestIdEnricher>();

        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);

        // Bad JSON and unparsable route or query values throw, so they become 400 problem details like every other error.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

            // Numbers are numbers: "42" is not accepted for one, and the API document types them plainly.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;

            // A property the endpoint does not take is refused, not ignored: `{"quantty": 2}` would otherwise claim
            // the default quantity without a word (ADR 25). The document says so (additionalProperties: false).
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddHostedService(provider => provider.GetRequiredService<SessionRevocations>());
        services.AddHostedService(provider => provider.GetRequiredService<Ticketing.Infrastructure.Events.EventCache>());

        // Authentication pulls in Data Protection, which would write a key ring to disk at start. Nothing here
        // protects data with it (access tokens are JWTs, refresh tokens hashed rows), so keep it in memory.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, TimeProvider>(ConfigureJwtBearer);
        services.AddOptions<JwtOptions>().ValidateOnStart();
        services.AddAuthorization();
        services.AddTicketingRateLimits();

        services.AddHttpClient(Endpoints.SimulatedGatewayEndpoints.HttpClientName);
        services.AddScoped<IdempotencyFilter>();
        services.AddSignalR();
        services.AddOptions<LiveOptions>()
            .BindConfiguration(LiveOptions.SectionName)
            .Validate(o => o.MaxWatchedEvents >= 1, "Live:MaxWatchedEvents must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<QueueWatchers>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<SoldOutFanOut>();
        services.AddSingleton<LiveNotificationListener>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveNotificationListener>());

        // The Worker and the outbox can only degrade readiness: an instance is still worth sending requests to.
        services.AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"])
            .AddCheck<WorkerHeartbeatHealthCheck>("worker", HealthStatus.Degraded, ["ready"])
            .AddCheck<OutboxLagHealthCheck>("outbox", HealthStatus.Degraded, ["ready"]);
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer<DocumentOverviewTransformer>();
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerSecuritySchemeTransformer>();
            options.AddSchemaTransformer<DecimalSchemaTransformer>();
            options.AddSchemaTransformer<ContractSchemaTransformer>();
            options.AddOperationTransformer<ContractOperationTransformer>();
        });
        services.AddPerimeterSecurity();
        return services;
    }

    private static void ConfigureJwtBearer(JwtBearerOptions options, IOptions<JwtOptions> jwtOptions, TimeProvider timeProvider)
    {
        var jwt = jwtOptions.Value;
        var clockSkew = TimeSpan.FromSeconds(30);
        options.MapInboundClaims = false;
        options.TimeProvider = timeProvider;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = TokenService.SigningKey(jwt),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = TokenClaims.Name,
            RoleClaimType = TokenClaims.Role,
            ClockSkew = clockSkew,

            // Lifetimes are judged by the application's clock, which tests move by hand.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = timeProvider.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value <= now + clockSkew) && expires is not null && expires.Value > now - clockSkew;
            },
        };
        options.Events = new JwtBearerEvents
        {
            // Browsers cannot set headers on WebSockets: the hub takes the token from the query string.
            OnMessageReceived = context =>
            {
                if (context.Request.Path.StartsWithSegments(LiveHub.Path) && context.Request.Query["access_token"] is { Count: > 0 } token)
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = async context =>
            {
                var validator = context.HttpContext.RequestServices.GetRequiredService<IAuthSessionValidator>();
                if (!Guid.TryParse(context.Principal?.FindFirst(TokenClaims.Session)?.Value, out var sessionId)
                    || !await validator.IsActiveAsync(sessionId, context.HttpContext.RequestAborted))
                {
                    context.Fail("The session of this token has ended.");
                }
            },
        };
    }
}
