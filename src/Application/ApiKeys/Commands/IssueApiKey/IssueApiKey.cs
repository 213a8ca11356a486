using MediatR;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.ApiKeys;

namespace Ticketing.Application.ApiKeys.Commands.IssueApiKey;

/// <summary>An Admin issues a key for a client application; the answer carries the key, which is never shown again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record IssueApiKeyCommand(string Name) : IRequest<IssuedApiKeyDto>;

public sealed class IssueApiKeyCommandHandler(IApplicationDbContext context, AuditTrail audit) : IRequestHandler<IssueApiKeyCommand, IssuedApiKeyDto>
{
    public async Task<IssuedApiKeyDto> Handle(IssueApiKeyCommand request, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecret.Generate();
        var apiKey = ApiKey.Issue(request.Name.Trim(), secret);
        context.ApiKeys.Add(apiKey);
        audit.Record("api-key.issued", apiKey.Id, $"name: {apiKey.Name}, prefix: {apiKey.Prefix}");
        await context.SaveChangesAsync(cancellationToken);
        return new IssuedApiKeyDto(apiKey.Id, secret.Key);
    }
}
