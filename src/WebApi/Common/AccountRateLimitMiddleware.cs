using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ticketing.Application.Common.Exceptions;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Limits attempts per account or per refresh token, keyed on a field of the JSON body, whatever address the attempts
/// come from: the email normalised as Identity compares emails, or a hash of the refresh token (the token itself is
/// a secret, not kept as a key). Runs just before ASP.NET Core's limiter, which then applies the per-IP policy.
/// A body without the field is let through: the endpoint answers it with a validation error; one with it twice is a
/// validation error here.
/// </summary>
public sealed class AccountRateLimitMiddleware(RequestDelegate next, RequestLimiters limiters)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<AccountRateLimit>();
        var value = limit is null ? null : await FieldInBodyAsync(context.Request, limit.Field);
        if (value is null)
        {
            await next(context);
            return;
        }

        var key = limit!.Field == AccountRateLimit.EmailField
            ? value.Trim().ToUpperInvariant()
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        using var lease = limiters.ForPolicy(limit.Policy).AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            await RateLimiting.RejectAsync(context, lease);
            return;
        }

        await next(context);
    }

    private static async Task<string?> FieldInBodyAsync(HttpRequest request, string field)
    {
        // The endpoint reads the body again; it is small (RequestBodyLimitMiddleware ran before).
        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // Binding is case-insensitive and keeps the last of repeated keys; a limit keyed on another one would
            // count a decoy account while the attempt hits the real one, so a body naming two is refused outright.
            var matches = body.RootElement.EnumerateObject()
                .Where(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))
                .Take(2)
                .ToList();
            if (matches.Count > 1)
            {
                throw new ValidationException(field, $"The {field} must be given once.");
            }

            return matches is [{ Value.ValueKind: JsonValueKind.String } match] ? match.Value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}

/// <summary>
/// Endpoint metadata: attempts are also limited per value of the body's <see cref="Field"/> under the per-account
/// limiter that goes with <see cref="Policy"/> (see <see cref="AccountRateLimitMiddleware"/>).
/// </summary>
public sealed record AccountRateLimit(string Policy, string Field)
{
    public const string EmailField = "email";

    public const string RefreshTokenField = "refreshToken";
}
