using Microsoft.Extensions.Primitives;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Hardening headers on every response, errors included (set when the response starts, so the exception handler's
/// reset of the headers cannot drop them).
/// </summary>
/// <remarks>
/// The API answers JSON, never pages, so its Content-Security-Policy allows nothing at all: should a response ever be
/// rendered by a browser (an HTML-looking string in a problem, a sniffed type), no script, style, frame or form can
/// run from it. Two places do serve pages and get a policy just wide enough for them: Swagger UI loads its own
/// scripts and styles, sets inline styles and data: images, and fetches the document; the Development simulated
/// checkout has an inline style block and posts its forms back to itself.
/// </remarks>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private const string SimulatedCheckoutPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    private static readonly PathString SwaggerUi = "/swagger";
    private static readonly PathString SimulatedCheckout = "/simulated-gateway/checkout";

    public Task InvokeAsync(HttpContext context)
    {
        // UseHsts (outside Development, just before this) writes its header when the request arrives, and the
        // exception handler's reset would drop it from error answers; it is carried over to the response's start.
        var hsts = context.Response.Headers.StrictTransportSecurity;
        context.Response.OnStarting(AddHeaders, (context, hsts));
        return next(context);
    }

    private static Task AddHeaders(object state)
    {
        var (context, hsts) = ((HttpContext, StringValues))state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
        if (!StringValues.IsNullOrEmpty(hsts))
        {
            headers.StrictTransportSecurity = hsts;
        }

        return Task.CompletedTask;
    }

    private static string PolicyFor(PathString path) =>
        path.StartsWithSegments(SwaggerUi) ? SwaggerUiPolicy
        : path.StartsWithSegments(SimulatedCheckout) ? SimulatedCheckoutPolicy
        : ApiPolicy;
}
