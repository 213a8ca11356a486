using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Ticketing.WebApi.Common;

/// <summary>
/// The first limit a request meets: before scanner refusals and the API-key gate, so that a flood of probes is
/// answered 429 instead of costing a write each. Generous (RateLimiting:Global): it stops floods, not fans.
/// Anonymous requests share their source IP's budget; a request that presents an access token has the token's
/// own — a stadium on one carrier-grade NAT address, or every client behind a load balancer, would otherwise share
/// one budget. A forged token buys nothing more than a bucket of its own: whatever it reaches before
/// authentication (scanner refusals, the key gate) is summarised per source address.
/// </summary>
public sealed class GlobalRateLimitMiddleware(RequestDelegate next, RequestLimiters limiters)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var lease = limiters.Global.AttemptAcquire(PartitionOf(context));
        if (!lease.IsAcquired)
        {
            await RateLimiting.RejectAsync(context, lease);
            return;
        }

        await next(context);
    }

    private static string PartitionOf(HttpContext context)
    {
        var token = context.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 7 } header
                    && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header[7..]
            : context.Request.Query["access_token"].ToString();
        return token.Length == 0
            ? $"ip:{context.Connection.RemoteIpAddress}"
            : $"token:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))}";
    }
}
