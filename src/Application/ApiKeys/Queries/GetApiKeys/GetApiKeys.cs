using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.ApiKeys.Queries.GetApiKeys;

/// <summary>Every key ever issued, newest first, revoked ones included (an Admin must see what was turned off and when).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetApiKeysQuery(int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IRequest<PaginatedList<ApiKeyDto>>;

public sealed class GetApiKeysQueryHandler(IApplicationDbContext context) : IRequestHandler<GetApiKeysQuery, PaginatedList<ApiKeyDto>>
{
    public Task<PaginatedList<ApiKeyDto>> Handle(GetApiKeysQuery request, CancellationToken cancellationToken) =>
        PaginatedList<ApiKeyDto>.CreateAsync(
            context.ApiKeys.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
                .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt)),
            request.Page,
            request.PageSize,
            cancellationToken);
}
