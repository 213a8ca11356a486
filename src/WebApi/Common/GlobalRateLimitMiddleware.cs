namespace Ticketing.WebApi.Common;

/// <summary>
/// The first limit a request meets, per source IP: before scanner refusals and the API-key gate, so that a flood of
/// probes is answered 429 instead of costing a write each. Generous (RateLimiting:Global): it stops floods, not fans.
/// </summary>
public sealed class GlobalRateLimitMiddleware(RequestDelegate next, RequestLimiters limiters)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var lease = limiters.Global.AttemptAcquire($"ip:{context.Connection.RemoteIpAddress}");
        if (!lease.IsAcquired)
        {
            await RateLimiting.RejectAsync(context, lease);
            return;
        }

        await next(context);
    }
}
