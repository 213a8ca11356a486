using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Venues;

namespace Ticketing.Application.Venues.Commands.CreateVenue;

[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record CreateVenueCommand(string Name, string Address, string TimeZone, IReadOnlyList<SectionInput> Sections)
    : IRequest<VenueDto>;

public sealed record SectionInput(string Name, SeatType SeatType, IReadOnlyList<RowInput> Rows);

public sealed record RowInput(string Label, int Seats);

public sealed class CreateVenueCommandHandler(IApplicationDbContext context, ICurrentUser currentUser, AuditTrail audit, IMapper mapper)
    : IRequestHandler<CreateVenueCommand, VenueDto>
{
    public async Task<VenueDto> Handle(CreateVenueCommand request, CancellationToken cancellationToken)
    {
        var venue = Venue.Create(
            currentUser.UserId!.Value,
            request.Name.Trim(),
            request.Address.Trim(),
            request.TimeZone,
            request.Sections
                .Select(s => new SectionPlan(s.Name.Trim(), s.SeatType, s.Rows.Select(r => new RowPlan(r.Label.Trim(), r.Seats)).ToList()))
                .ToList());
        context.Venues.Add(venue);
        audit.Record("venue.created", venue.Id, venue.Name);
        await context.SaveChangesAsync(cancellationToken);

        return await context.Venues.AsNoTracking().Where(v => v.Id == venue.Id)
            .ProjectTo<VenueDto>(mapper.ConfigurationProvider).SingleAsync(cancellationToken);
    }
}
