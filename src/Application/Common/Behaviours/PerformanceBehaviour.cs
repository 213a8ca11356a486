using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>Warns about requests slower than <see cref="Threshold"/>, the first place to look when latency grows.</summary>
public sealed class PerformanceBehaviour<TRequest, TResponse>(
    ILogger<TRequest> logger, ICurrentUser currentUser, TimeProvider timeProvider, RequestWarmUp warmUp)
    : IPipelineBehavior<TRequest, TResponse>
{
    public static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var warmingUp = warmUp.IsWarmingUp(typeof(TRequest));
        var started = timeProvider.GetTimestamp();
        var response = await next();
        var elapsed = timeProvider.GetElapsedTime(started);
        warmUp.Completed(typeof(TRequest));
        if (elapsed > Threshold)
        {
            // A fresh process's first run of each request type is slow by nature (see RequestWarmUp): worth a Debug
            // line for whoever profiles start-up, not a warning on every first start.
            var user = currentUser.UserId?.ToString() ?? "anonymous";
            if (warmingUp)
            {
                logger.LogDebug(
                    "Slow first request {RequestName} took {ElapsedMilliseconds} ms for {UserId} (warm-up)",
                    typeof(TRequest).Name, (long)elapsed.TotalMilliseconds, user);
            }
            else
            {
                logger.LogWarning(
                    "Slow request {RequestName} took {ElapsedMilliseconds} ms for {UserId}",
                    typeof(TRequest).Name, (long)elapsed.TotalMilliseconds, user);
            }
        }

        return response;
    }
}
