using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ticketing.WebApi.Common;

/// <summary>
/// The limiters that run outside ASP.NET Core's rate-limiting middleware: the global one per IP (it must run before
/// the perimeter writes audit rows, long before that middleware) and the per-account ones (their key is in the body).
/// </summary>
public sealed class RequestLimiters(IOptions<RateLimitingOptions> options) : IDisposable
{
    public PartitionedRateLimiter<string> Global { get; } = Create(options.Value.Global);

    public PartitionedRateLimiter<string> LoginPerAccount { get; } = Create(options.Value.LoginPerAccount);

    public PartitionedRateLimiter<string> OtpPerAccount { get; } = Create(options.Value.OtpPerAccount);

    public PartitionedRateLimiter<string> RegisterPerAccount { get; } = Create(options.Value.RegisterPerAccount);

    public PartitionedRateLimiter<string> RefreshPerToken { get; } = Create(options.Value.RefreshPerToken);

    /// <summary>The per-account (or per-token) limiter that goes with an endpoint's per-IP policy.</summary>
    public PartitionedRateLimiter<string> ForPolicy(string policy) => policy switch
    {
        RateLimiting.Login => LoginPerAccount,
        RateLimiting.Otp => OtpPerAccount,
        RateLimiting.Register => RegisterPerAccount,
        RateLimiting.Refresh => RefreshPerToken,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No per-account limiter for this policy."),
    };

    public void Dispose()
    {
        Global.Dispose();
        LoginPerAccount.Dispose();
        OtpPerAccount.Dispose();
        RegisterPerAccount.Dispose();
        RefreshPerToken.Dispose();
    }

    public static FixedWindowRateLimiterOptions WindowOf(RateLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static PartitionedRateLimiter<string> Create(RateLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => WindowOf(limit)));
}
