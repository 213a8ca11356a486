namespace Ticketing.WebApi.Common;

/// <summary>
/// Refuses a body declared larger than the limit before anything reads it. Kestrel enforces the same limit
/// on chunked bodies while they are read (both end as 413 PAYLOAD_TOO_LARGE).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException(
                $"The request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
