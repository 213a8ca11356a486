using Microsoft.AspNetCore.Http.Features;
using Ticketing.Application.Common.Exceptions;

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
        problem.Extensions.TryAdd("code", CodeFor(status));
        problem.Instance ??= context.HttpContext.Features.Get<IHttpRequestFeature>()?.Path ?? context.HttpContext.Request.Path;
        problem.Detail ??= DetailFor(status);
    }

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.MalformedRequest,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status409Conflict => "CONFLICT",
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status429TooManyRequests => "RATE_LIMITED",
        >= 500 => ErrorCodes.InternalError,
        _ => "ERROR",
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
