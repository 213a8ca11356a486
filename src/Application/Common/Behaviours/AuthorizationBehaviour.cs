using System.Reflection;
using MediatR;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>Enforces <see cref="AuthorizeAttribute"/> on the request before anything else looks at it.</summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute[] Attributes =
        typeof(TRequest).GetCustomAttributes<AuthorizeAttribute>().ToArray();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Attributes.Length == 0)
        {
            return next();
        }

        if (!currentUser.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        // Each attribute is a requirement; within one attribute any listed role will do.
        foreach (var attribute in Attributes.Where(a => !string.IsNullOrWhiteSpace(a.Roles)))
        {
            var roles = attribute.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!roles.Any(currentUser.IsInRole))
            {
                throw new ForbiddenAccessException();
            }
        }

        return next();
    }
}
