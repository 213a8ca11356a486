using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Venues.Queries.GetVenue;

[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record GetVenueQuery(Guid Id) : IRequest<VenueDto>;

public sealed class GetVenueQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IMapper mapper)
    : IRequestHandler<GetVenueQuery, VenueDto>
{
    public async Task<VenueDto> Handle(GetVenueQuery request, CancellationToken cancellationToken)
    {
        var venue = await context.Venues.AsNoTracking().Where(v => v.Id == request.Id)
            .ProjectTo<VenueDto>(mapper.ConfigurationProvider).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Venue");
        if (!currentUser.IsAdmin && venue.OwnerId != currentUser.UserId)
        {
            throw new ForbiddenAccessException(Errors.Forbidden, "This venue belongs to another organizer.");
        }

        return venue;
    }
}
