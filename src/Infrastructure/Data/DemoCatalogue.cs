using Ticketing.Domain.Queue;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Payments;
using Ticketing.Domain.Venues;

namespace Ticketing.Infrastructure.Data;

/// <summary>
/// Development only: a venue and events in the states worth trying, owned by the demo organizer — on sale (with the
/// demo staff at its door), about to open, a draft, sold out and over — and money in the demo customer's wallet.
/// Everything goes through the same rules as real use: stock through the conditional update, the wallet through its
/// ledger behind a succeeded top-up, so the money audit balances and reconciliation finds nothing to repair.
/// </summary>
public sealed class DemoCatalogue(
    ApplicationDbContext context, IEventSeatInventory seats, IInventory inventory, IWalletLedger wallets, TimeProvider timeProvider)
{
    public const string WalletCurrency = "USD";

    /// <summary>What the demo customer finds in the wallet, in minor units ($200.00).</summary>
    public const long WalletMinorUnits = 20_000;

    public async Task SeedAsync(DemoAccounts accounts, CancellationToken cancellationToken)
    {
        if (await context.Events.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var today = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        var organizerId = accounts.OrganizerId;
        var arena = Venue.Create(organizerId, "Demo Arena", "1 Harbour Road, Lagos", "Africa/Lagos",
        [
            new SectionPlan("Floor", SeatType.Standard, Enumerable.Range(0, 10).Select(i => new RowPlan(((char)('A' + i)).ToString(), 20)).ToList()),
            new SectionPlan("Balcony", SeatType.Deluxe, [new RowPlan("AA", 12), new RowPlan("BB", 12)]),
        ]);
        context.Venues.Add(arena);

        // Its doors are open already (they would open four hours before the start), so the demo staff login can
        // check a ticket in today.
        var concert = Event.CreateDraft(organizerId, null, Details("Demo Concert (general admission, on sale)", today.AddDays(3).AddHours(19), now.AddMinutes(-5), QueueSettings.Off, doorsOpenAt: now.AddMinutes(-5)),
            [new TicketTypePlan(null, "General", 25.00m, 500), new TicketTypePlan(null, "VIP", 80.00m, 50)]);
        concert.Publish(now, PreQueueDraw.NewSeed());
        concert.AssignStaff([accounts.StaffId]);

        var arenaNight = Event.CreateDraft(organizerId, arena.Id, Details("Demo Arena Night (seated, queued, sale opens in 2 minutes)", today.AddDays(5).AddHours(20), now.AddMinutes(2), new QueueSettings(true, 60, 10)),
            [new TicketTypePlan(null, "Standard", 40.00m, arena.SeatsByType()[SeatType.Standard], SeatType.Standard),
             new TicketTypePlan(null, "Deluxe", 120.00m, arena.SeatsByType()[SeatType.Deluxe], SeatType.Deluxe)]);
        arenaNight.Publish(now, PreQueueDraw.NewSeed());

        var draft = Event.CreateDraft(organizerId, null, Details("Demo Festival (draft)", today.AddDays(30).AddHours(12), now.AddDays(7), new QueueSettings(true, 120, 10)),
            [new TicketTypePlan(null, "Day pass", 60.00m, 2000)]);

        var soldOut = Event.CreateDraft(organizerId, null, Details("Demo Club Night (sold out)", today.AddDays(2).AddHours(22), now.AddDays(-1), QueueSettings.Off),
            [new TicketTypePlan(null, "Entry", 15.00m, 4)]);
        soldOut.Publish(now, PreQueueDraw.NewSeed());

        // Over: published while its sale was open, ended when it finished, as the Worker would have done.
        var pastStart = today.AddDays(-3).AddHours(19);
        var past = Event.CreateDraft(organizerId, null, Details("Demo Jazz Evening (past)", pastStart, pastStart.AddDays(-14), QueueSettings.Off),
            [new TicketTypePlan(null, "General", 20.00m, 100)]);
        past.Publish(pastStart.AddDays(-14), PreQueueDraw.NewSeed());
        past.End(pastStart.AddHours(4));

        context.Events.AddRange(concert, arenaNight, draft, soldOut, past);
        var topUp = Payment.ForTopUp(accounts.CustomerId, new Money(WalletMinorUnits, WalletCurrency), "simulated", now);
        topUp.Succeed(now, "demo-seed");
        context.Payments.Add(topUp);

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await seats.MaterializeAsync(arenaNight.Id, cancellationToken);
        await SellOutAsync(soldOut, now, cancellationToken);
        var wallet = await wallets.WalletOfAsync(accounts.CustomerId, WalletCurrency, cancellationToken);
        await wallets.CreditAsync(wallet, topUp.Amount, "Top-up", $"topup:{topUp.Id}", cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every ticket sold at the box office to one walk-in, through the same conditional update as any sale.</summary>
    private async Task SellOutAsync(Event @event, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var type = @event.TicketTypes.Single();
        if (!await inventory.TrySellAsync(type.Id, type.Capacity, cancellationToken))
        {
            throw new InvalidOperationException("The demo sold-out event could not be sold out.");
        }

        context.Bookings.Add(Booking.ForBoxOffice(
            @event.Id, "Demo Walk-in", null, null, [new BoxOfficeLine(type.Id, type.Capacity, type.Price, [])], now));
        @event.MarkSoldOut();
    }

    private static EventDetails Details(
        string title, DateTimeOffset startsAt, DateTimeOffset saleStartsAt, QueueSettings queue, DateTimeOffset? doorsOpenAt = null) =>
        new(title, "Demo data for trying the API.", new EventSchedule(startsAt, startsAt.AddHours(4), saleStartsAt, null, doorsOpenAt), "USD", queue, 10, 4);
}

/// <summary>The ids of the demo accounts the catalogue gives something to.</summary>
public sealed record DemoAccounts(Guid OrganizerId, Guid StaffId, Guid CustomerId);
