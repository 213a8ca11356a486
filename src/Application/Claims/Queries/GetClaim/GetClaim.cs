using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Claims.Queries.GetClaim;

/// <summary>One of the caller's claims; anyone else's is 404, so claims of others cannot even be confirmed to exist.</summary>
[Authorize]
public sealed record GetClaimQuery(Guid ClaimId) : IRequest<ClaimDto>;

public sealed class GetClaimQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IMapper mapper)
    : IRequestHandler<GetClaimQuery, ClaimDto>
{
    public async Task<ClaimDto> Handle(GetClaimQuery request, CancellationToken cancellationToken) =>
        await context.Claims.AsNoTracking()
            .Where(c => c.Id == request.ClaimId && c.CustomerId == currentUser.UserId)
            .ProjectTo<ClaimDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Claim");
}
