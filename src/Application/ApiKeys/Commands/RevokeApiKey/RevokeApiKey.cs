using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>
/// An Admin revokes a key, once. The gate remembers valid keys for a few seconds (<see cref="IApiKeyValidator"/>),
/// so every WebApi instance refuses the key within that time rather than at this very moment.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record RevokeApiKeyCommand(Guid ApiKeyId) : IRequest<Unit>;

public sealed class RevokeApiKeyCommandHandler(IApplicationDbContext context, AuditTrail audit, TimeProvider timeProvider)
    : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var apiKey = await context.ApiKeys.SingleOrDefaultAsync(k => k.Id == request.ApiKeyId, cancellationToken)
            ?? throw new NotFoundException("API key");

        apiKey.Revoke(timeProvider.GetUtcNow());
        audit.Record("api-key.revoked", apiKey.Id, $"name: {apiKey.Name}, prefix: {apiKey.Prefix}");
        await context.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
