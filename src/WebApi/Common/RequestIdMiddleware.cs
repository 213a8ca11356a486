using System.Text.RegularExpressions;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is sensible, else a new one. The id is
/// echoed on the response, returned in problem details and put on every log line of the request
/// (<see cref="RequestIdEnricher"/>).
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[HeaderName].ToString();
        if (!SafeRequestId().IsMatch(requestId))
        {
            requestId = Guid.CreateVersion7().ToString("N");
        }

        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        return next(context);
    }

    // Anything else (too long, control characters, header injection) is replaced, not echoed.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex SafeRequestId();
}
