using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Venues;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Venues;

namespace Ticketing.Application.Events;

/// <summary>Turns an organizer's input into what the Event entity takes: for a seated event, one ticket type per seat type of the venue.</summary>
public sealed class EventPlanner(IApplicationDbContext context, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<TicketTypePlan>> PlanTicketTypesAsync(EventInput input, CancellationToken cancellationToken)
    {
        if (input.VenueId is not { } venueId)
        {
            return input.TicketTypes!.Select(t => new TicketTypePlan(t.Id, t.Name, t.Price, t.Capacity)).ToList();
        }

        var venue = await context.Venues
            .Include(v => v.Sections).ThenInclude(s => s.Rows)
            .AsNoTracking()
            .SingleOrDefaultAsync(v => v.Id == venueId, cancellationToken)
            ?? throw new ValidationException("VenueId", "There is no venue with this id.");
        currentUser.EnsureCanUse(venue);

        var plans = new List<TicketTypePlan>();
        foreach (var (seatType, seats) in venue.SeatsByType().OrderBy(s => s.Key))
        {
            var price = seatType switch
            {
                SeatType.Standard => input.SeatPrices!.Standard,
                _ => input.SeatPrices!.Deluxe,
            } ?? throw new ValidationException($"SeatPrices.{seatType}", $"The venue has {seats} {seatType} seats: give their price.");
            plans.Add(new TicketTypePlan(null, seatType.ToString(), price, seats, seatType));
        }

        return plans;
    }

    /// <summary>
    /// The friendly early answer to a clash with a published event at the same venue. The exclusion constraint in
    /// PostgreSQL is what makes it impossible, races included.
    /// </summary>
    public async Task EnsureVenueIsFreeAsync(Guid? venueId, EventSchedule schedule, Guid? exceptEventId, CancellationToken cancellationToken)
    {
        if (venueId is null)
        {
            return;
        }

        var clash = await context.Events.AsNoTracking().AnyAsync(
            e => e.VenueId == venueId
                 && e.Id != exceptEventId
                 && e.State != EventState.Draft && e.State != EventState.Cancelled
                 && e.StartsAt < schedule.EndsAt && schedule.StartsAt < e.EndsAt,
            cancellationToken);
        if (clash)
        {
            throw new ConflictException(Errors.ScheduleConflict, "Another published event uses this venue at an overlapping time.");
        }
    }
}
