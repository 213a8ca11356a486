using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>
/// Logs exceptions that are not part of the contract (a domain rule, validation, not found …) with the
/// request that raised them, then lets them travel on to become a 500.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<TRequest> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception ex) when (!IsExpected(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled exception in {RequestName}", typeof(TRequest).Name);
            throw;
        }
    }

    private static bool IsExpected(Exception ex) => ex is DomainException
        or ValidationException
        or NotFoundException
        or ForbiddenAccessException
        or UnauthenticatedException
        or ConflictException
        or DbUpdateConcurrencyException;
}
