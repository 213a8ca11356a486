using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Audit;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Writes a Denied row to the audit log for a request the perimeter refused. Best effort: a failure to write is
/// logged as a warning and never changes the answer the caller gets.
/// </summary>
public sealed class DeniedRequestAudit(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<DeniedRequestAudit> logger)
{
    public const string ScannerAction = "request.denied.scanner";
    public const string ApiKeyAction = "request.denied.api-key";
    public const string ForbiddenAction = "request.denied.forbidden";

    // Path and method are whatever the caller chose to send (probes send odd ones): cut to fit the columns.
    private const int MaxPathLength = 500;
    private const int MaxMethodLength = 20;

    public async Task RecordAsync(HttpContext httpContext, string action, int status, Guid? userId)
    {
        var path = Truncate(httpContext.Request.Path.Value is { Length: > 0 } value ? value : "/", MaxPathLength);
        var method = Truncate(httpContext.Request.Method, MaxMethodLength);

        try
        {
            // A scope of its own: the request's unit of work may hold changes of a handler that was just refused,
            // and those must not commit with the audit row. Nor the request's token: a caller hanging up does not
            // undo the refusal.
            await using var scope = scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            context.AuditEntries.Add(AuditEntry.Denied(
                action,
                path,
                status,
                userId,
                httpContext.Connection.RemoteIpAddress?.ToString(),
                $"method: {method}",
                timeProvider.GetUtcNow()));
            await context.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Whatever went wrong (database down, constraint, bug), the refusal stands and is answered as such.
            logger.LogWarning(ex, "Could not write the audit row {Action} for {Path}", action, path);
        }
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
