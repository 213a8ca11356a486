using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;

namespace Ticketing.WebApi.Common;

/// <summary>
/// The one place where exceptions become HTTP responses: RFC 9457 problem details with a stable code. Messages
/// of exceptions we did not raise on purpose are never shown; those are logged and answered with a bare 500.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IDatabaseErrors databaseErrors,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        // The handler middleware has cleared the endpoint by now; the feature keeps the one that failed.
        var problem = ToProblem(exception, httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails ToProblem(Exception exception, Endpoint? endpoint) => exception switch
    {
        ValidationException e => Validation(e),
        DomainException e => Problem(e.Code, e.Message),
        NotFoundException e => Problem(Errors.NotFound, e.Message),
        UnauthenticatedException e => Problem(e.Code, e.Message),
        ForbiddenAccessException e => Problem(e.Code, e.Message),
        ConflictException e => Problem(e.Code, e.Message),
        PaymentGatewayException => Problem(
            Errors.PaymentGatewayUnavailable, "The payment provider is unavailable; nothing was charged. Try again shortly."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(
            Errors.PayloadTooLarge, "The request body is larger than 1 MiB."),
        BadHttpRequestException { InnerException: JsonException json } e when UnmappedProperty().Match(json.Message) is { Success: true } unmapped =>
            NotTaken(e.StatusCode, json.Path, unmapped.Groups["name"].Value),
        BadHttpRequestException { InnerException: JsonException { Path.Length: > 1 } json } e => MalformedAt(e.StatusCode, json.Path!),
        BadHttpRequestException e => Problem(e.StatusCode, Errors.MalformedRequest.Value, MalformedDetail(e, endpoint)),
        JsonException => Problem(Errors.MalformedRequest, "The request body is not valid JSON."),
        _ when databaseErrors.Explain(exception) is { } refusal => Problem(refusal.Code, refusal.Detail),
        _ => Problem(Errors.InternalError, "An unexpected error occurred."),
    };

    /// <summary>The one mapping from an error's kind to its HTTP status.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.Internal => StatusCodes.Status500InternalServerError,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An error kind without a status."),
    };

    private static ProblemDetails Validation(ValidationException exception)
    {
        var problem = Problem(Errors.ValidationError, "One or more fields are invalid.");
        problem.Extensions["errors"] = exception.Errors.ToDictionary(e => CamelCasePath(e.Key), e => e.Value);
        return problem;
    }

    /// <summary>
    /// A value the body's field cannot hold (a number past what it takes, a string for a number): named in
    /// <c>errors</c> as a validation failure is, so a client shows it beside the field.
    /// </summary>
    private static ProblemDetails MalformedAt(int status, string jsonPath)
    {
        var problem = Problem(status, Errors.MalformedRequest.Value, $"The request body is not valid JSON for this endpoint (at {jsonPath}).");
        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["This value is not of the type or range the field takes."] };
        return problem;
    }

    /// <summary>
    /// A property no member takes (the serializer disallows them, ADR 25), named by its path (which ends with it) in
    /// <c>errors</c> and, unlike the serializer's message, without the .NET type's name.
    /// </summary>
    private static ProblemDetails NotTaken(int status, string? path, string name)
    {
        var field = path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : name;
        var problem = Problem(status, Errors.MalformedRequest.Value, $"The request body has a property this endpoint does not take: '{field}'.");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["This endpoint does not take this property."] };
        return problem;
    }

    /// <summary>Names the offending parameter without echoing framework or type names.</summary>
    private static string MalformedDetail(BadHttpRequestException exception, Endpoint? endpoint)
    {
        if (exception.InnerException is JsonException)
        {
            return "The request body is not valid JSON for this endpoint.";
        }

        var parameter = ParameterName().Match(exception.Message);
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && !parameter.Success)
        {
            return "The request body is missing or not valid JSON for this endpoint.";
        }

        if (!parameter.Success)
        {
            return "The request is malformed.";
        }

        var name = parameter.Groups["name"].Value;
        var type = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => $"The value of '{name}' must be one of: {string.Join(", ", Enum.GetNames(type))}.",
            _ when type == typeof(Guid) => $"The value of '{name}' is malformed (ids are UUIDs).",
            _ => $"The value of '{name}' is malformed.",
        };
    }

    private static ProblemDetails Problem(ErrorCode code, string detail) => Problem(StatusOf(code.Kind), code.Value, detail);

    private static ProblemDetails Problem(int status, string code, string detail)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>"TicketTypes[0].Price" → "ticketTypes[0].price", matching the JSON the client sent.</summary>
    private static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    [GeneratedRegex("parameter \"\\S+ (?<name>\\w+)\"")]
    private static partial Regex ParameterName();

    // System.Text.Json names the property only in its message.
    [GeneratedRegex("^The JSON property '(?<name>[^']+)' could not be mapped to any \\.NET member")]
    private static partial Regex UnmappedProperty();
}
