using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Payments;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.WebApi.Common;

/// <summary>
/// The one place where exceptions become HTTP responses: RFC 9457 problem details with a stable code. Messages
/// of exceptions we did not raise on purpose are never shown; those are logged and answered with a bare 500.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
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

    private static ProblemDetails ToProblem(Exception exception, Endpoint? endpoint) => exception switch
    {
        ValidationException e => Validation(e),
        DomainException e => Problem(StatusForDomainCode(e.Code), e.Code, e.Message),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, ErrorCodes.NotFound, e.Message),
        UnauthenticatedException e => Problem(StatusCodes.Status401Unauthorized, e.Code, e.Message),
        ForbiddenAccessException e => Problem(StatusCodes.Status403Forbidden, e.Code, e.Message),
        ConflictException e => Problem(StatusCodes.Status409Conflict, e.Code, e.Message),
        PaymentGatewayException => Problem(
            StatusCodes.Status503ServiceUnavailable, PaymentErrorCodes.GatewayUnavailable, "The payment provider is unavailable; nothing was charged. Try again shortly."),
        DbUpdateConcurrencyException => Problem(
            StatusCodes.Status409Conflict,
            ErrorCodes.ConcurrencyConflict,
            "The resource was changed by another request. Reload it and try again."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => Problem(
            StatusCodes.Status409Conflict, "CONFLICT", "The request conflicts with something that already exists."),
        // Raw statements (ExecuteSql, SqlQuery) raise Npgsql's exception unwrapped; a duplicate is the client's conflict.
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => Problem(
            StatusCodes.Status409Conflict, "CONFLICT", "The request conflicts with something that already exists."),

        // PostgreSQL text cannot hold U+0000; whatever carried it, the client sent it.
        PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }
            or DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } } => Problem(
            StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The request contains a NUL character (\\u0000), which no text field accepts."),
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => Problem(
            StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict, "The request collided with another one. Try again."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(
            StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The request body is larger than 1 MiB."),
        BadHttpRequestException { InnerException: JsonException { Path.Length: > 1 } json } e => MalformedAt(e.StatusCode, json.Path!),
        BadHttpRequestException e => Problem(e.StatusCode, ErrorCodes.MalformedRequest, MalformedDetail(e, endpoint)),
        JsonException => Problem(StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The request body is not valid JSON."),
        _ => Problem(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An unexpected error occurred."),
    };

    /// <summary>Domain rules answer 409, except where the contract (api.md) gives their code another status.</summary>
    private static int StatusForDomainCode(string code) => code switch
    {
        DomainErrorCodes.ValidationError or AccountErrorCodes.InvalidResetToken => StatusCodes.Status400BadRequest,
        "SOLD_OUT" => StatusCodes.Status410Gone,
        "ADMISSION_REQUIRED" or "ADMISSION_INVALID" => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };

    private static ProblemDetails Validation(ValidationException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, "One or more fields are invalid.");
        problem.Extensions["errors"] = exception.Errors.ToDictionary(e => CamelCasePath(e.Key), e => e.Value);
        return problem;
    }

    /// <summary>
    /// A value the body's field cannot hold (a number past what it takes, a string for a number): named in
    /// <c>errors</c> as a validation failure is, so a client shows it beside the field.
    /// </summary>
    private static ProblemDetails MalformedAt(int status, string jsonPath)
    {
        var problem = Problem(status, ErrorCodes.MalformedRequest, $"The request body is not valid JSON for this endpoint (at {jsonPath}).");
        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["This value is not of the type or range the field takes."] };
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
}
