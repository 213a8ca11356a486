using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Ticketing.Domain.Common;
using Ticketing.Application.Common.Security;

namespace Ticketing.WebApi.Common;

/// <summary>
/// ASP.NET Core's rate limiter with one named policy per kind of endpoint. A caller is its user id once
/// authenticated (so customers behind one NAT do not share a budget), otherwise its IP address; login and sign-in
/// codes are limited per IP here and per account by <see cref="AccountRateLimitMiddleware"/>, and every request per
/// IP first by <see cref="GlobalRateLimitMiddleware"/>. Rejections are 429 problem details with code RATE_LIMITED
/// and a Retry-After in seconds. Windows run on the system clock: the framework's limiters take no TimeProvider.
/// </summary>
public static class RateLimiting
{
    public const string Auth = "auth";
    public const string Login = "login";
    public const string Otp = "otp";
    public const string Register = "register";
    public const string Refresh = "refresh";
    public const string QueueJoin = "queue-join";
    public const string Claims = "claims";

    public static IServiceCollection AddTicketingRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(
                o => o.All.All(limit => limit.PermitLimit >= 1 && limit.WindowSeconds is >= 1 and <= 86_400),
                "Every RateLimiting policy needs PermitLimit ≥ 1 and WindowSeconds between 1 and 86400.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => new ValueTask(RejectAsync(rejected.HttpContext, rejected.Lease));
        });
        services.AddSingleton<RequestLimiters>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
        {
            var configured = limits.Value;
            AddPolicy(options, Auth, configured.Auth);
            AddPolicy(options, Login, configured.LoginPerIp, IpOf);
            AddPolicy(options, Otp, configured.OtpPerIp, IpOf);
            AddPolicy(options, Register, configured.RegisterPerIp, IpOf);
            AddPolicy(options, Refresh, configured.RefreshPerIp, IpOf);
            AddPolicy(options, QueueJoin, configured.QueueJoin);
            AddPolicy(options, Claims, configured.Claims);
        });
        return services;
    }

    /// <summary>Puts the endpoint under <paramref name="policy"/> and says so in the API document.</summary>
    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder builder, string policy) =>
        builder.RequireRateLimiting(policy).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Limits the endpoint per IP under <paramref name="policy"/> and per account (the email in its body).</summary>
    public static RouteHandlerBuilder RateLimitedPerAccountAndIp(this RouteHandlerBuilder builder, string policy) =>
        builder.RateLimited(policy).WithMetadata(new AccountRateLimit(policy, AccountRateLimit.EmailField));

    /// <summary>Limits the endpoint per IP under <paramref name="policy"/> and per refresh token (a hash of the one in its body).</summary>
    public static RouteHandlerBuilder RateLimitedPerTokenAndIp(this RouteHandlerBuilder builder, string policy) =>
        builder.RateLimited(policy).WithMetadata(new AccountRateLimit(policy, AccountRateLimit.RefreshTokenField));

    private static void AddPolicy(RateLimiterOptions options, string name, RateLimit limit, Func<HttpContext, string>? partition = null) =>
        options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
            (partition ?? CallerOf)(context),
            _ => RequestLimiters.WindowOf(limit)));

    private static string IpOf(HttpContext context) => $"ip:{context.Connection.RemoteIpAddress}";

    private static string CallerOf(HttpContext context) =>
        context.User.FindFirst(TokenClaims.Subject)?.Value is { } userId
            ? $"user:{userId}"
            : IpOf(context);

    /// <summary>Answers 429 RATE_LIMITED with the lease's Retry-After; shared by every limiter of the API.</summary>
    public static async Task RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Detail = "Too many requests. Try again after the number of seconds in the Retry-After header.",
        };
        problem.Extensions["code"] = Errors.RateLimited.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
