using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Idempotency-Key on money-moving POSTs (IETF httpapi-idempotency-key draft): missing → 400; the same key and
/// request → the first response again; the same key with another request → 422 IDEMPOTENCY_KEY_REUSED; while the
/// first is still running → 409 REQUEST_IN_PROGRESS. Failed requests release their key so the client may retry.
/// </summary>
public sealed class IdempotencyFilter(IIdempotencyStore store, ICurrentUser currentUser, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 255)
        {
            throw new ValidationException(HeaderName, "Send an Idempotency-Key header (1–255 characters), unique per payment attempt.");
        }

        var userId = currentUser.UserId ?? throw new UnauthenticatedException();
        var start = await store.BeginAsync(userId, key, Fingerprint(context), http.RequestAborted);
        switch (start.Outcome)
        {
            case IdempotencyOutcome.Replay:
                return Results.Content(start.Body, "application/json", Encoding.UTF8, start.Status);
            case IdempotencyOutcome.KeyReused:
                return Problem(StatusCodes.Status422UnprocessableEntity, Errors.IdempotencyKeyReused.Value, "This Idempotency-Key was used for a different request.");
            case IdempotencyOutcome.InProgress:
                return Problem(StatusCodes.Status409Conflict, Errors.RequestInProgress.Value, "A request with this Idempotency-Key is still being processed; retry shortly.");
        }

        var lease = start.Lease!.Value;
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.ReleaseAsync(userId, key, lease, CancellationToken.None);
            throw;
        }

        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult valued)
        {
            var body = JsonSerializer.Serialize(valued.Value, json.Value.SerializerOptions);
            await store.CompleteAsync(userId, key, lease, success.StatusCode!.Value, body, CancellationToken.None);
        }
        else
        {
            await store.ReleaseAsync(userId, key, lease, CancellationToken.None);
        }

        return result;
    }

    /// <summary>The request's identity: method, path and its bound arguments other than services.</summary>
    private string Fingerprint(EndpointFilterInvocationContext context)
    {
        var arguments = context.Arguments
            .Where(a => a is not null && a is not CancellationToken && a.GetType().Namespace?.StartsWith("MediatR", StringComparison.Ordinal) != true)
            .Select(a => JsonSerializer.Serialize(a, a!.GetType(), json.Value.SerializerOptions));
        var request = $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}\n{string.Join('\n', arguments)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}

/// <summary>Endpoint metadata: the endpoint runs <see cref="IdempotencyFilter"/>, so its operation declares the header.</summary>
public sealed class IdempotencyKeyRequired;

public static class IdempotencyEndpointExtensions
{
    /// <summary>Money-moving POSTs take an Idempotency-Key (<see cref="IdempotencyFilter"/>), and the API document says so.</summary>
    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotencyKeyRequired());
}
