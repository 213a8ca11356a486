using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Audit;
using Ticketing.Application.Bookings;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Application.Inventory;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Bookings;

namespace Ticketing.Application.BoxOffice.Commands.SellAtBoxOffice;

/// <summary>
/// A walk-in buys at the box office: confirmed at once, paid in cash, no queue — but the same stock rules as online
/// claims (one conditional update per ticket type, seats all or nothing), so the box office cannot oversell either.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record SellAtBoxOfficeCommand : IRequest<BookingDto>, ITransactional
{
    [JsonIgnore]
    public Guid EventId { get; init; }

    public string CustomerName { get; init; } = string.Empty;

    public string? CustomerEmail { get; init; }

    public string? CustomerPhone { get; init; }

    public Guid? TicketTypeId { get; init; }

    public int? Quantity { get; init; }

    public IReadOnlyList<Guid>? SeatIds { get; init; }
}

/// <remarks>
/// Sold outright through <see cref="StockTaker.SellAsync"/>, not batched: a box office sells a few tickets a minute,
/// and a sale never waits behind an on-sale's claims.
/// </remarks>
public sealed class SellAtBoxOfficeCommandHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    StockTaker stock,
    BookingReads reads,
    AuditTrail audit,
    TimeProvider timeProvider) : IRequestHandler<SellAtBoxOfficeCommand, BookingDto>
{
    public async Task<BookingDto> Handle(SellAtBoxOfficeCommand request, CancellationToken cancellationToken)
    {
        var @event = await context.FindManagedEventAsync(currentUser, request.EventId, cancellationToken);
        @event.EnsureBoxOfficeOpen();
        var now = timeProvider.GetUtcNow();

        var lines = await stock.PlanAsync(@event, request.TicketTypeId, request.Quantity, request.SeatIds, "sell", cancellationToken);
        await stock.SellAsync(@event.Id, lines, now, cancellationToken);
        var booking = Booking.ForBoxOffice(
            @event.Id, request.CustomerName.Trim(), request.CustomerEmail?.Trim(), request.CustomerPhone?.Trim(), lines.Select(l => l.ToBoxOfficeLine()).ToList(), now);
        context.Bookings.Add(booking);
        audit.Record("box-office.sale", booking.Id, $"{booking.Tickets.Count} tickets, {booking.Total} cash, for {booking.HolderName}");
        await context.SaveChangesAsync(cancellationToken);
        return reads.WithCodes([await reads.Project(context.Bookings.Where(b => b.Id == booking.Id)).SingleAsync(cancellationToken)])[0];
    }
}
