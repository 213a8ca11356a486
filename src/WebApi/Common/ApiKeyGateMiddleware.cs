using Microsoft.AspNetCore.Mvc;
using Ticketing.Application.Common.Interfaces;
using Ticketing.WebApi.Live;
using Ticketing.Domain.Common;

namespace Ticketing.WebApi.Common;

/// <summary>
/// With <c>Security:RequireApiKey</c> on, refuses any request to a business endpoint that lacks a valid, unrevoked
/// <c>X-Api-Key</c>: 401 <c>API_KEY_REQUIRED</c>, the same answer for a missing and for a wrong key, and a Denied row
/// in the audit log. Deny by default: everything that is not listed as exempt is business, unknown paths included.
/// </summary>
public sealed class ApiKeyGateMiddleware(RequestDelegate next, IApiKeyValidator keys, DeniedRequestAudit audit, IProblemDetailsService problems)
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Browsers cannot set headers on WebSockets (nor on EventSource), so the hub also takes the key from the query.</summary>
    public const string HubQueryParameter = "api_key";


    // Callers that hold no client key: payment providers (they sign their webhooks instead), orchestrators' health
    // checks, people reading the documentation (and "/" itself, which only points at it); plus the Development-only tools.
    private static readonly PathString[] AlwaysOpen = ["/api/webhooks", "/health", "/swagger"];
    private static readonly PathString[] DevelopmentTools = ["/dev", "/simulated-gateway"];

    public async Task InvokeAsync(HttpContext context, IHostEnvironment environment, ICurrentUser currentUser)
    {
        if (IsExempt(context.Request.Path, environment.IsDevelopment())
            || await keys.IsValidAsync(PresentedKey(context.Request), context.RequestAborted))
        {
            await next(context);
            return;
        }

        // Runs after authentication, so a caller with a valid bearer token but no key is recorded by name.
        await audit.RecordRepeatedAsync(context, DeniedRequestAudit.ApiKeyAction, StatusCodes.Status401Unauthorized, currentUser.UserId);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Detail = $"A valid API key is required: send it as '{HeaderName}: …'.",
                Extensions = { ["code"] = Errors.ApiKeyRequired.Value },
            },
        });
    }

    public static bool IsExempt(PathString path, bool isDevelopment) =>
        path.Value is "/" || AlwaysOpen.Any(path.StartsWithSegments) || (isDevelopment && DevelopmentTools.Any(path.StartsWithSegments));

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[HeaderName] is { Count: > 0 } header)
        {
            return header.ToString();
        }

        return request.Path.StartsWithSegments(LiveHub.Path) && request.Query[HubQueryParameter] is { Count: > 0 } query
            ? query.ToString()
            : null;
    }
}
