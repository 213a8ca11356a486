using System.Security.Claims;
using Serilog;
using Ticketing.Application.Common.Security;

namespace Ticketing.WebApi.Common;

public static class RequestLog
{
    private const string MessageTemplate =
        "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms for {UserId}";

    /// <summary>
    /// The one line a request writes: what was asked, the answer, how long it took and for whom. The caller is read
    /// when the request completes, after authentication has run further down the pipeline. The path only, never the
    /// query string or a body: they can hold tokens.
    /// </summary>
    public static WebApplication UseTicketingRequestLog(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one (which belongs to whichever host in the process was built last).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = MessageTemplate;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("UserId", http.User.FindFirstValue(TokenClaims.Subject) ?? "anonymous");
        });
        return app;
    }
}
