using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>
/// Logs which request runs for whom, at Debug: in the WebApi the request log is the one line a request writes (it
/// names the caller too), and the Worker's jobs run every second. Only the request's name: bodies hold passwords and
/// tokens.
/// </summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<TRequest> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(
                "Handling {RequestName} for {UserId}", typeof(TRequest).Name, currentUser.UserId?.ToString() ?? "anonymous");
        }

        return next();
    }
}
