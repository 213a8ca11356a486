using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Venues;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Venues;

public static class VenueAccess
{
    /// <summary>A venue belongs to its creator: only they and Admins act on it (else 403).</summary>
    public static void EnsureCanUse(this ICurrentUser user, Venue venue)
    {
        if (!user.IsAdmin && venue.OwnerId != user.UserId)
        {
            throw new ForbiddenAccessException(Errors.Forbidden, "This venue belongs to another organizer.");
        }
    }
}
