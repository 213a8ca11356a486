using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Claims;

namespace Ticketing.Application.Claims.Queries.GetMyClaims;

/// <summary>The caller's claims, newest first, optionally of one status.</summary>
[Authorize]
public sealed record GetMyClaimsQuery(ClaimStatus? Status = null, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IRequest<PaginatedList<ClaimDto>>;

public sealed class GetMyClaimsQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IMapper mapper)
    : IRequestHandler<GetMyClaimsQuery, PaginatedList<ClaimDto>>
{
    public Task<PaginatedList<ClaimDto>> Handle(GetMyClaimsQuery request, CancellationToken cancellationToken)
    {
        var claims = context.Claims.Where(c => c.CustomerId == currentUser.UserId);
        if (request.Status is { } status)
        {
            claims = claims.Where(c => c.Status == status);
        }

        return PaginatedList<ClaimDto>.CreateAsync(
            claims.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ProjectTo<ClaimDto>(mapper.ConfigurationProvider),
            request.Page,
            request.PageSize,
            cancellationToken);
    }
}
