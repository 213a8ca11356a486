using Ticketing.Domain.Queue;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;
using Ticketing.Domain.Venues;

namespace Ticketing.Infrastructure.Data;

/// <summary>Development only: a venue and events in the states worth trying, owned by the demo organizer.</summary>
public sealed class DemoCatalogue(ApplicationDbContext context, IEventSeatInventory seats, TimeProvider timeProvider)
{
    public async Task SeedAsync(Guid organizerId, CancellationToken cancellationToken)
    {
        if (await context.Events.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var today = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        var arena = Venue.Create(organizerId, "Demo Arena", "1 Harbour Road, Lagos", "Africa/Lagos",
        [
            new SectionPlan("Floor", SeatType.Standard, Enumerable.Range(0, 10).Select(i => new RowPlan(((char)('A' + i)).ToString(), 20)).ToList()),
            new SectionPlan("Balcony", SeatType.Deluxe, [new RowPlan("AA", 12), new RowPlan("BB", 12)]),
        ]);
        context.Venues.Add(arena);

        var concert = Event.CreateDraft(organizerId, null, Details("Demo Concert (general admission, on sale)", today.AddDays(3).AddHours(19), now.AddMinutes(-5), QueueSettings.Off),
            [new TicketTypePlan(null, "General", 25.00m, 500), new TicketTypePlan(null, "VIP", 80.00m, 50)]);
        concert.Publish(now, PreQueueDraw.NewSeed());

        var arenaNight = Event.CreateDraft(organizerId, arena.Id, Details("Demo Arena Night (seated, queued, sale opens in 2 minutes)", today.AddDays(5).AddHours(20), now.AddMinutes(2), new QueueSettings(true, 60, 10)),
            [new TicketTypePlan(null, "Standard", 40.00m, arena.SeatsByType()[SeatType.Standard], SeatType.Standard),
             new TicketTypePlan(null, "Deluxe", 120.00m, arena.SeatsByType()[SeatType.Deluxe], SeatType.Deluxe)]);
        arenaNight.Publish(now, PreQueueDraw.NewSeed());

        var draft = Event.CreateDraft(organizerId, null, Details("Demo Festival (draft)", today.AddDays(30).AddHours(12), now.AddDays(7), new QueueSettings(true, 120, 10)),
            [new TicketTypePlan(null, "Day pass", 60.00m, 2000)]);

        context.Events.AddRange(concert, arenaNight, draft);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await seats.MaterializeAsync(arenaNight.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static EventDetails Details(string title, DateTimeOffset startsAt, DateTimeOffset saleStartsAt, QueueSettings queue) =>
        new(title, "Demo data for trying the API.", new EventSchedule(startsAt, startsAt.AddHours(4), saleStartsAt, null), "USD", queue, 10, 4);
}
