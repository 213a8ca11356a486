using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>
/// Logs which request runs for whom. Only the request's name: bodies hold passwords and tokens.
/// </summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<TRequest> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        logger.LogInformation(
            "Handling {RequestName} for {UserId}", typeof(TRequest).Name, currentUser.UserId?.ToString() ?? "anonymous");
        return next();
    }
}
