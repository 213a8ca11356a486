using Microsoft.AspNetCore.Http.Features;
using Ticketing.Domain.Common;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Completes every problem response — from exceptions, status-code pages, auth challenges — with the request
/// id and a stable code, so clients can always switch on <c>code</c> and quote <c>requestId</c>.
/// </summary>
public static class ProblemDetailsDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        problem.Extensions.Remove("traceId");
        problem.Extensions.TryAdd("code", CodeFor(status).Value);
        problem.Instance ??= context.HttpContext.Features.Get<IHttpRequestFeature>()?.Path ?? context.HttpContext.Request.Path;
        problem.Detail ??= DetailFor(status);
    }

    private static ErrorCode CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Errors.MalformedRequest,
        StatusCodes.Status401Unauthorized => Errors.Unauthenticated,
        StatusCodes.Status403Forbidden => Errors.Forbidden,
        StatusCodes.Status404NotFound => Errors.NotFound,
        StatusCodes.Status405MethodNotAllowed => Errors.MethodNotAllowed,
        StatusCodes.Status409Conflict => Errors.Conflict,
        StatusCodes.Status413PayloadTooLarge => Errors.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => Errors.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => Errors.RateLimited,
        >= 500 => Errors.InternalError,
        // Any other refusal of the HTTP pipeline (406, 408, 411, 431, …).
        _ => Errors.RequestRejected,
    };

    private static string? DetailFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Authentication is required: send a valid access token as 'Authorization: Bearer …'.",
        StatusCodes.Status403Forbidden => "You may not do this.",
        StatusCodes.Status404NotFound => "Nothing exists at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that method.",
        _ => null,
    };
}
