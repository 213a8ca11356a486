using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Door.Commands.AssignStaff;
using Ticketing.Application.Events;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Door.Queries.GetEventStaff;

[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record GetEventStaffQuery(Guid EventId) : IRequest<IReadOnlyList<StaffMemberDto>>;

public sealed class GetEventStaffQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IIdentityService identity)
    : IRequestHandler<GetEventStaffQuery, IReadOnlyList<StaffMemberDto>>
{
    public async Task<IReadOnlyList<StaffMemberDto>> Handle(GetEventStaffQuery request, CancellationToken cancellationToken)
    {
        var @event = await context.FindManagedEventAsync(currentUser, request.EventId, cancellationToken);
        var staff = new List<StaffMemberDto>();
        foreach (var userId in @event.StaffIds)
        {
            if (await identity.FindUserAsync(userId, cancellationToken) is { } user)
            {
                staff.Add(new StaffMemberDto(user.Id, user.Email, user.DisplayName));
            }
        }

        return staff;
    }
}
