using Serilog.Core;
using Serilog.Events;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Stamps each log event with our request id. ASP.NET's own logging scope also carries a "RequestId" (the
/// connection id, fixed before <see cref="RequestIdMiddleware"/> runs) and would otherwise win.
/// </summary>
public sealed class RequestIdEnricher(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (accessor.HttpContext is { } context)
        {
            logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("RequestId", context.TraceIdentifier));
        }
    }
}
