using Ticketing.Domain.Common;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Answers requests for <see cref="ScannerPaths"/> with 403 before routing, static files or authentication see them,
/// and records them in the audit log with the path and source IP (repeats from one source summarised).
/// </summary>
/// <remarks>
/// The body is a problem with status, code and request id only: no detail, no instance, nothing that echoes the
/// request back to whoever is probing. The user is recorded as unknown: authentication has not run this early, and
/// running it for a probe would cost a session lookup for nothing.
/// </remarks>
public sealed class ScannerPathMiddleware(RequestDelegate next, DeniedRequestAudit audit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ScannerPaths.IsProbe(context.Request.Path))
        {
            await next(context);
            return;
        }

        await audit.RecordRepeatedAsync(context, DeniedRequestAudit.ScannerAction, StatusCodes.Status403Forbidden, userId: null);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(
            new ScannerRefusal(StatusCodes.Status403Forbidden, Errors.Forbidden.Value, context.TraceIdentifier),
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }

    private sealed record ScannerRefusal(int Status, string Code, string RequestId);
}
