using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Audit;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Writes a Denied row to the audit log for a request the perimeter refused. Best effort: a failure to write is
/// logged as a warning and never changes the answer the caller gets.
/// </summary>
/// <remarks>
/// Unauthenticated refusals (<see cref="RecordRepeatedAsync"/>) would otherwise let anyone turn requests into
/// inserts: per source IP and action only the first of a window is written, the others are counted, and the count
/// is written as one row when the window has passed (by the next refusal, <see cref="DeniedRequestAuditFlush"/> or
/// at shutdown). The windows live in this instance's memory, at most <see cref="MaxSources"/> of them; beyond
/// that, refusals are written one by one, which the global per-IP limit still bounds.
/// </remarks>
public sealed class DeniedRequestAudit(
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    IOptions<SecurityOptions> options,
    ILogger<DeniedRequestAudit> logger)
{
    public const string ScannerAction = "request.denied.scanner";
    public const string ApiKeyAction = "request.denied.api-key";
    public const string ForbiddenAction = "request.denied.forbidden";

    // Path and method are whatever the caller chose to send (probes send odd ones): cut to fit the columns.
    private const int MaxPathLength = 500;
    private const int MaxMethodLength = 20;
    private const int MaxSources = 10_000;

    private readonly Dictionary<(string Action, string? IpAddress), Window> _windows = [];

    public TimeSpan WindowLength => TimeSpan.FromSeconds(options.Value.DeniedAuditWindowSeconds);

    /// <summary>Records the refusal unless its source was already recorded for this action in the current window.</summary>
    public async Task RecordRepeatedAsync(HttpContext httpContext, string action, int status, Guid? userId)
    {
        var source = (action, httpContext.Connection.RemoteIpAddress?.ToString());
        var now = timeProvider.GetUtcNow();
        Window? ended;
        lock (_windows)
        {
            if (_windows.TryGetValue(source, out ended) && now - ended.StartedAt < WindowLength)
            {
                ended.Repeats++;
                return;
            }

            if (ended is not null || _windows.Count < MaxSources)
            {
                _windows[source] = new Window(now, status);
            }
        }

        if (ended is { Repeats: > 0 })
        {
            await WriteAsync(Summary(source, ended, now));
        }

        await RecordAsync(httpContext, action, status, userId);
    }

    /// <summary>Writes the count of every window that has passed (or of all of them) and forgets those windows.</summary>
    public async Task FlushAsync(bool all)
    {
        var now = timeProvider.GetUtcNow();
        List<((string Action, string? IpAddress) Source, Window Window)> ended;
        lock (_windows)
        {
            ended = _windows.Where(w => all || now - w.Value.StartedAt >= WindowLength).Select(w => (w.Key, w.Value)).ToList();
            foreach (var (source, _) in ended)
            {
                _windows.Remove(source);
            }
        }

        foreach (var (source, window) in ended.Where(e => e.Window.Repeats > 0))
        {
            await WriteAsync(Summary(source, window, now));
        }
    }

    public async Task RecordAsync(HttpContext httpContext, string action, int status, Guid? userId)
    {
        var path = Truncate(httpContext.Request.Path.Value is { Length: > 0 } value ? value : "/", MaxPathLength);
        var method = Truncate(httpContext.Request.Method, MaxMethodLength);

        await WriteAsync(AuditEntry.Denied(
            action,
            path,
            status,
            userId,
            httpContext.Connection.RemoteIpAddress?.ToString(),
            $"method: {method}",
            timeProvider.GetUtcNow()));
    }

    private static AuditEntry Summary((string Action, string? IpAddress) source, Window window, DateTimeOffset now) =>
        AuditEntry.Denied(
            source.Action,
            "/",
            window.Status,
            null,
            source.IpAddress,
            $"repeated {window.Repeats} more times between {window.StartedAt:O} and {now:O}",
            now);

    private async Task WriteAsync(AuditEntry entry)
    {
        try
        {
            // A scope of its own: the request's unit of work may hold changes of a handler that was just refused,
            // and those must not commit with the audit row. Nor the request's token: a caller hanging up does not
            // undo the refusal.
            await using var scope = scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            context.AuditEntries.Add(entry);
            await context.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Whatever went wrong (database down, constraint, bug), the refusal stands and is answered as such.
            logger.LogWarning(ex, "Could not write the audit row {Action} for {Path}", entry.Action, entry.Path);
        }
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;

    private sealed class Window(DateTimeOffset startedAt, int status)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;

        public int Status { get; } = status;

        public int Repeats { get; set; }
    }
}
