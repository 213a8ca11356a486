using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Reports.Queries.GetRevenueReport;

/// <summary>
/// Revenue of the bookings made between <see cref="From"/> and <see cref="To"/> (by booking time), grouped by
/// event, day (UTC) or payment method, one row per group and currency. Refunds are what the cancellations among them
/// gave back (the voided tickets' prices); net = gross − refunds. Admins see every event, organizers their own.
/// </summary>
/// <param name="GroupBy"><c>event</c> (the default), <c>day</c> or <c>method</c>, in any case.</param>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record GetRevenueReportQuery(DateTimeOffset? From, DateTimeOffset? To, Guid? EventId, string? GroupBy = null)
    : IRequest<IReadOnlyList<RevenueRowDto>>
{
    internal RevenueGrouping? Grouping => GroupBy?.Trim().ToLowerInvariant() switch
    {
        null or "" or "event" => RevenueGrouping.Event,
        "day" => RevenueGrouping.Day,
        "method" => RevenueGrouping.Method,
        _ => null,
    };
}

internal enum RevenueGrouping
{
    Event,
    Day,
    Method,
}

/// <param name="Key">The event id, the day (yyyy-MM-dd) or the payment method.</param>
/// <param name="Label">For people: the event's title, or the key again.</param>
public sealed record RevenueRowDto(string Key, string Label, int Bookings, int Tickets, decimal Gross, decimal Refunds, decimal Net, string Currency);

public sealed class GetRevenueReportQueryHandler(IApplicationDbContext context, ICurrentUser currentUser)
    : IRequestHandler<GetRevenueReportQuery, IReadOnlyList<RevenueRowDto>>
{
    public async Task<IReadOnlyList<RevenueRowDto>> Handle(GetRevenueReportQuery request, CancellationToken cancellationToken)
    {
        var grouping = request.Grouping!.Value;
        var bookings = context.Bookings.AsNoTracking();
        if (!currentUser.IsAdmin)
        {
            var own = context.Events.Where(e => e.OrganizerId == currentUser.UserId).Select(e => e.Id);
            bookings = bookings.Where(b => own.Contains(b.EventId));
        }

        if (request.EventId is { } eventId)
        {
            bookings = bookings.Where(b => b.EventId == eventId);
        }

        if (request.From is { } from)
        {
            bookings = bookings.Where(b => b.CreatedAt >= from);
        }

        if (request.To is { } to)
        {
            bookings = bookings.Where(b => b.CreatedAt < to);
        }

        var facts = await bookings
            .Select(b => new
            {
                b.EventId,
                b.CreatedAt,
                b.PaymentMethod,
                b.Currency,
                b.TotalAmount,
                // A cancellation refunds the tickets it voided; a ticket used at the door stays paid (ADR 0011).
                Refunded = b.Status == BookingStatus.Cancelled ? b.Tickets.Where(t => t.Status == TicketStatus.Void).Sum(t => t.Price.Amount) : 0L,
                Tickets = b.Tickets.Count,
            })
            .ToListAsync(cancellationToken);
        var titles = await context.Events.AsNoTracking()
            .Where(e => facts.Select(f => f.EventId).Distinct().Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);

        return facts
            .GroupBy(f => (Key: grouping switch
            {
                RevenueGrouping.Day => f.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                RevenueGrouping.Method => f.PaymentMethod.ToString(),
                _ => f.EventId.ToString(),
            }, f.Currency))
            .Select(g =>
            {
                var gross = g.Sum(f => f.TotalAmount);
                var refunds = g.Sum(f => f.Refunded);
                var label = grouping == RevenueGrouping.Event ? titles.GetValueOrDefault(Guid.Parse(g.Key.Key), g.Key.Key) : g.Key.Key;
                return new RevenueRowDto(
                    g.Key.Key,
                    label,
                    g.Count(),
                    g.Sum(f => f.Tickets),
                    new Money(gross, g.Key.Currency).ToMajor(),
                    new Money(refunds, g.Key.Currency).ToMajor(),
                    new Money(gross - refunds, g.Key.Currency).ToMajor(),
                    g.Key.Currency);
            })
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
    }
}
