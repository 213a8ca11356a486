using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.WebApi.Common;

/// <summary>
/// ASP.NET Core's rate limiter with one named policy per kind of endpoint. A caller is its user id once
/// authenticated (so customers behind one NAT do not share a budget), otherwise its IP address. Rejections are
/// 429 problem details with code RATE_LIMITED and a Retry-After in seconds. Windows run on the system clock: the
/// framework's limiters take no TimeProvider.
/// </summary>
public static class RateLimiting
{
    public const string Auth = "auth";
    public const string Otp = "otp";
    public const string QueueJoin = "queue-join";
    public const string Claims = "claims";

    public static IServiceCollection AddTicketingRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(
                o => new[] { o.Auth, o.Otp, o.QueueJoin, o.Claims }.All(limit => limit.PermitLimit >= 1 && limit.WindowSeconds is >= 1 and <= 86_400),
                "Every RateLimiting policy needs PermitLimit ≥ 1 and WindowSeconds between 1 and 86400.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
        {
            var configured = limits.Value;
            AddPolicy(options, Auth, configured.Auth);
            AddPolicy(options, Otp, configured.Otp);
            AddPolicy(options, QueueJoin, configured.QueueJoin);
            AddPolicy(options, Claims, configured.Claims);
        });
        return services;
    }

    /// <summary>Puts the endpoint under <paramref name="policy"/> and says so in the API document.</summary>
    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder builder, string policy) =>
        builder.RequireRateLimiting(policy).ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static void AddPolicy(RateLimiterOptions options, string name, RateLimit limit) =>
        options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
            CallerOf(context),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    private static string CallerOf(HttpContext context) =>
        context.User.FindFirst(TokenClaims.Subject)?.Value is { } userId
            ? $"user:{userId}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Detail = "Too many requests. Try again after the number of seconds in the Retry-After header.",
        };
        problem.Extensions["code"] = "RATE_LIMITED";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
