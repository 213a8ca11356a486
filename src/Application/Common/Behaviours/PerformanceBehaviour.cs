using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>Warns about requests slower than <see cref="Threshold"/>, the first place to look when latency grows.</summary>
public sealed class PerformanceBehaviour<TRequest, TResponse>(
    ILogger<TRequest> logger, ICurrentUser currentUser, TimeProvider timeProvider)
    : IPipelineBehavior<TRequest, TResponse>
{
    public static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = timeProvider.GetTimestamp();
        var response = await next();
        var elapsed = timeProvider.GetElapsedTime(started);
        if (elapsed > Threshold)
        {
            logger.LogWarning(
                "Slow request {RequestName} took {ElapsedMilliseconds} ms for {UserId}",
                typeof(TRequest).Name,
                (long)elapsed.TotalMilliseconds,
                currentUser.UserId?.ToString() ?? "anonymous");
        }

        return response;
    }
}
