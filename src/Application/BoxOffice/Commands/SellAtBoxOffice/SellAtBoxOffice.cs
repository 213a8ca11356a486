using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Audit;
using Ticketing.Application.Bookings;
using Ticketing.Application.Claims;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

namespace Ticketing.Application.BoxOffice.Commands.SellAtBoxOffice;

/// <summary>
/// A walk-in buys at the box office: confirmed at once, paid in cash, no queue — but the same stock rules as online
/// claims (one conditional update per ticket type, seats all or nothing), so the box office cannot oversell either.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record SellAtBoxOfficeCommand : IRequest<BookingDto>
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

public sealed class SellAtBoxOfficeCommandHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    IInventory inventory,
    ClaimExpiry expiry,
    EventAvailability availability,
    BookingReads reads,
    AuditTrail audit,
    TimeProvider timeProvider) : IRequestHandler<SellAtBoxOfficeCommand, BookingDto>
{
    public async Task<BookingDto> Handle(SellAtBoxOfficeCommand request, CancellationToken cancellationToken)
    {
        var @event = await context.FindManagedEventAsync(currentUser, request.EventId, cancellationToken);
        @event.EnsureBoxOfficeOpen();
        var now = timeProvider.GetUtcNow();

        await using var transaction = await context.BeginTransactionAsync(cancellationToken);
        var lines = await PlanAsync(@event, request, cancellationToken);
        await SellAsync(@event, lines, now, cancellationToken);
        var booking = Booking.ForBoxOffice(
            @event.Id, request.CustomerName.Trim(), request.CustomerEmail?.Trim(), request.CustomerPhone?.Trim(), lines, now);
        context.Bookings.Add(booking);
        audit.Record("box-office.sale", booking.Id, $"{booking.Tickets.Count} tickets, {booking.Total} cash, for {booking.HolderName}");
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await availability.FollowAsync(@event.Id, cancellationToken);
        return reads.WithCodes([await reads.Project(context.Bookings.Where(b => b.Id == booking.Id)).SingleAsync(cancellationToken)])[0];
    }

    private async Task<IReadOnlyList<BoxOfficeLine>> PlanAsync(Event @event, SellAtBoxOfficeCommand request, CancellationToken cancellationToken)
    {
        if (request.SeatIds is { Count: > 0 } seatIds)
        {
            var seats = await context.EventSeats.AsNoTracking()
                .Where(s => s.EventId == @event.Id && seatIds.Contains(s.Id))
                .Select(s => new { s.Id, s.TicketTypeId, Label = s.Section + " " + s.Row + " " + s.Number })
                .ToListAsync(cancellationToken);
            var unknown = seatIds.Except(seats.Select(s => s.Id)).ToList();
            if (unknown.Count > 0)
            {
                throw new ValidationException(nameof(request.SeatIds), $"Not seats of this event: {string.Join(", ", unknown)}.");
            }

            return seats.GroupBy(s => s.TicketTypeId)
                .Select(g => new BoxOfficeLine(g.Key, g.Count(), @event.TicketTypes.Single(t => t.Id == g.Key).Price, g.Select(s => new BoxOfficeSeat(s.Id, s.Label)).ToList()))
                .ToList();
        }

        var ticketType = @event.TicketTypes.SingleOrDefault(t => t.Id == request.TicketTypeId)
            ?? throw new ValidationException(nameof(request.TicketTypeId), "Not a ticket type of this event.");
        if (ticketType.SeatType is not null)
        {
            throw new ValidationException(nameof(request.SeatIds), "This is a seated event: sell specific seats.");
        }

        return [new BoxOfficeLine(ticketType.Id, request.Quantity!.Value, ticketType.Price, [])];
    }

    private async Task SellAsync(Event @event, IReadOnlyList<BoxOfficeLine> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seatIds = lines.SelectMany(l => l.Seats).Select(s => s.SeatId).ToList();
        if (seatIds.Count > 0 && await inventory.SellSeatsAsync(@event.Id, seatIds, cancellationToken) == 0)
        {
            await expiry.ExpireAsync(new OverdueClaims(now, @event.Id, SeatIds: seatIds), 100, cancellationToken);
            if (await inventory.SellSeatsAsync(@event.Id, seatIds, cancellationToken) == 0)
            {
                var lost = await inventory.UnavailableSeatsAsync(@event.Id, seatIds, cancellationToken);
                throw new DomainException(ClaimErrorCodes.SeatsUnavailable, $"These seats are taken: {string.Join(", ", lost)}.");
            }
        }

        foreach (var line in lines)
        {
            if (await inventory.TrySellAsync(line.TicketTypeId, line.Quantity, cancellationToken))
            {
                continue;
            }

            await expiry.ExpireAsync(new OverdueClaims(now, @event.Id, line.TicketTypeId), 100, cancellationToken);
            if (!await inventory.TrySellAsync(line.TicketTypeId, line.Quantity, cancellationToken))
            {
                var left = await inventory.AvailableOfTypeAsync(line.TicketTypeId, cancellationToken);
                throw left == 0
                    ? new DomainException(ClaimErrorCodes.SoldOut, "This ticket type is sold out.")
                    : new DomainException(ClaimErrorCodes.InsufficientInventory, $"Only {left} left of this ticket type.");
            }
        }
    }
}
