using System.Text.Json.Serialization;
using MediatR;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Door.Commands.AssignStaff;

/// <summary>Sets who works the event's door; every one must be a Staff user.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record AssignStaffCommand(IReadOnlyList<Guid> UserIds) : IRequest<IReadOnlyList<StaffMemberDto>>
{
    [JsonIgnore]
    public Guid EventId { get; init; }
}

public sealed record StaffMemberDto(Guid UserId, string Email, string DisplayName);

public sealed class AssignStaffCommandHandler(IApplicationDbContext context, ICurrentUser currentUser, IIdentityService identity, AuditTrail audit)
    : IRequestHandler<AssignStaffCommand, IReadOnlyList<StaffMemberDto>>
{
    public async Task<IReadOnlyList<StaffMemberDto>> Handle(AssignStaffCommand request, CancellationToken cancellationToken)
    {
        var @event = await context.FindManagedEventAsync(currentUser, request.EventId, cancellationToken);
        var staff = new List<StaffMemberDto>();
        foreach (var userId in request.UserIds.Distinct())
        {
            var user = await identity.FindUserAsync(userId, cancellationToken);
            if (user is null || !user.Roles.Contains(Roles.Staff))
            {
                throw new ValidationException(nameof(request.UserIds), $"{userId} is not a Staff user.");
            }

            staff.Add(new StaffMemberDto(user.Id, user.Email, user.DisplayName));
        }

        @event.AssignStaff(staff.Select(s => s.UserId));
        audit.Record("event.staff-assigned", @event.Id, staff.Count == 0 ? "no staff" : $"staff: {string.Join(", ", staff.Select(s => s.UserId))}");
        await context.SaveChangesAsync(cancellationToken);
        return staff;
    }
}
