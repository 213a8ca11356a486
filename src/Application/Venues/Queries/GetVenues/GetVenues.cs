using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Venues.Queries.GetVenues;

/// <summary>Organizers see their own venues, Admins all of them.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record GetVenuesQuery(int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IRequest<PaginatedList<VenueSummaryDto>>;

public sealed class GetVenuesQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IMapper mapper)
    : IRequestHandler<GetVenuesQuery, PaginatedList<VenueSummaryDto>>
{
    public Task<PaginatedList<VenueSummaryDto>> Handle(GetVenuesQuery request, CancellationToken cancellationToken)
    {
        var venues = context.Venues.AsNoTracking();
        if (!currentUser.IsAdmin)
        {
            venues = venues.Where(v => v.OwnerId == currentUser.UserId);
        }

        return PaginatedList<VenueSummaryDto>.CreateAsync(
            venues.OrderBy(v => v.Name).ThenBy(v => v.Id).ProjectTo<VenueSummaryDto>(mapper.ConfigurationProvider),
            request.Page,
            request.PageSize,
            cancellationToken);
    }
}
