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

    public void Dispose()
    {
        Global.Dispose();
        LoginPerAccount.Dispose();
        OtpPerAccount.Dispose();
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
