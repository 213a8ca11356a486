using System.Text.Json;
using Ticketing.Application.Common.Exceptions;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Limits sign-in attempts per account: the email in the JSON body, normalised as Identity compares emails, whatever
/// address the attempts come from. Runs just before ASP.NET Core's limiter, which then applies the per-IP policy.
/// A body without an email is let through: the endpoint answers it with a validation error; one with two is a
/// validation error here.
/// </summary>
public sealed class AccountRateLimitMiddleware(RequestDelegate next, RequestLimiters limiters)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<AccountRateLimit>();
        var account = limit is null ? null : await EmailInBodyAsync(context.Request);
        if (account is null)
        {
            await next(context);
            return;
        }

        var limiter = limit!.Policy == RateLimiting.Login ? limiters.LoginPerAccount : limiters.OtpPerAccount;
        using var lease = limiter.AttemptAcquire(account);
        if (!lease.IsAcquired)
        {
            await RateLimiting.RejectAsync(context, lease);
            return;
        }

        await next(context);
    }

    private static async Task<string?> EmailInBodyAsync(HttpRequest request)
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
            var emails = body.RootElement.EnumerateObject()
                .Where(p => string.Equals(p.Name, "email", StringComparison.OrdinalIgnoreCase))
                .Take(2)
                .ToList();
            if (emails.Count > 1)
            {
                throw new ValidationException("email", "The email must be given once.");
            }

            return emails is [{ Value.ValueKind: JsonValueKind.String } email]
                ? email.Value.GetString()!.Trim().ToUpperInvariant()
                : null;
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

/// <summary>Endpoint metadata: attempts are also limited per account under <see cref="Policy"/> (see <see cref="AccountRateLimitMiddleware"/>).</summary>
public sealed record AccountRateLimit(string Policy);
