using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ticketing.WebApi.Common;

public static class HealthCheckResponses
{
    /// <summary>Which checks ran, how they did and why in the checks' own words; no exception text (it could name hosts or users).</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(
            new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Exception is null ? e.Value.Description : null, data = e.Value.Data }),
            },
            JsonSerializerOptions.Web));
    }
}
