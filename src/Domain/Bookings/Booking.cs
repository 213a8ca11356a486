using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.Domain.Bookings;

/// <summary>Paid tickets: Confirmed → Cancelled (refunded). One ticket per unit or seat; cancelling voids them all.</summary>
public sealed class Booking : Entity, IAggregateRoot
{
    private readonly List<Ticket> _tickets = [];

    private Booking()
    {
        HolderName = Currency = string.Empty;
    }

    public Guid EventId { get; private set; }

    /// <summary>The customer account, when there is one (box-office walk-ins have none).</summary>
    public Guid? CustomerId { get; private set; }

    public Guid? ClaimId { get; private set; }

    public Guid? PaymentId { get; private set; }

    public string HolderName { get; private set; }

    public string? HolderEmail { get; private set; }

    public string? HolderPhone { get; private set; }

    public BookingStatus Status { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public string Currency { get; private set; }

    /// <summary>Minor units.</summary>
    public long TotalAmount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public IReadOnlyList<Ticket> Tickets => _tickets.AsReadOnly();

    public Money Total => new(TotalAmount, Currency);

    /// <summary>The booking a paid claim becomes: one ticket per unit of each line, one per seat for seated lines.</summary>
    public static Booking FromClaim(Claim claim, Payment payment, string holderName, string? holderEmail, IReadOnlyDictionary<Guid, string> seatLabels, DateTimeOffset now)
    {
        if (claim.Status != ClaimStatus.Confirmed)
        {
            throw new DomainException(Errors.InvalidState, "Only a confirmed claim becomes a booking.");
        }

        var booking = new Booking
        {
            EventId = claim.EventId,
            CustomerId = claim.CustomerId,
            ClaimId = claim.Id,
            PaymentId = payment.Id,
            HolderName = holderName,
            HolderEmail = holderEmail,
            Status = BookingStatus.Confirmed,
            PaymentMethod = payment.Method,
            Currency = claim.Currency,
            TotalAmount = claim.Total.Amount,
            CreatedAt = now,
        };
        foreach (var item in claim.Items)
        {
            if (item.SeatIds.Count > 0)
            {
                booking._tickets.AddRange(item.SeatIds.Select(seat => new Ticket(booking, item.TicketTypeId, item.UnitPrice, seat, seatLabels.GetValueOrDefault(seat))));
            }
            else
            {
                booking._tickets.AddRange(Enumerable.Range(0, item.Quantity).Select(_ => new Ticket(booking, item.TicketTypeId, item.UnitPrice, null, null)));
            }
        }

        booking.AddDomainEvent(new BookingConfirmedEvent(booking.Id, booking.EventId, booking.CustomerId));
        return booking;
    }

    /// <summary>A walk-in sale at the box office: confirmed at once, paid in cash, no customer account needed.</summary>
    public static Booking ForBoxOffice(
        Guid eventId, string holderName, string? holderEmail, string? holderPhone, IReadOnlyList<BoxOfficeLine> lines, DateTimeOffset now)
    {
        if (lines.Count == 0 || lines.Any(l => l.Quantity < 1))
        {
            throw new DomainException(Errors.ValidationError, "A sale needs at least one ticket.");
        }

        var currency = lines[0].UnitPrice.Currency;
        var booking = new Booking
        {
            EventId = eventId,
            HolderName = holderName,
            HolderEmail = holderEmail,
            HolderPhone = holderPhone,
            Status = BookingStatus.Confirmed,
            PaymentMethod = PaymentMethod.Cash,
            Currency = currency,
            TotalAmount = lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.UnitPrice * l.Quantity).Amount,
            CreatedAt = now,
        };
        foreach (var line in lines)
        {
            booking._tickets.AddRange(line.Seats.Count > 0
                ? line.Seats.Select(seat => new Ticket(booking, line.TicketTypeId, line.UnitPrice, seat.SeatId, seat.Label))
                : Enumerable.Range(0, line.Quantity).Select(_ => new Ticket(booking, line.TicketTypeId, line.UnitPrice, null, null)));
        }

        booking.AddDomainEvent(new BookingConfirmedEvent(booking.Id, booking.EventId, null));
        return booking;
    }

    /// <summary>
    /// Cancels the booking and voids its unused tickets, which are all that is refunded and restocked: a ticket
    /// already used at the door keeps its check-in and its price stays paid (invariant 9). A customer may not
    /// cancel once any ticket was used — the organizer or an Admin decides that case. Returns the voided tickets.
    /// </summary>
    public IReadOnlyList<Ticket> Cancel(DateTimeOffset now, string reason, Canceller by)
    {
        if (Status != BookingStatus.Confirmed)
        {
            throw new DomainException(Errors.InvalidState, $"Cannot cancel a booking that is {Status}.");
        }

        if (by == Canceller.Customer && _tickets.Any(t => t.Status == TicketStatus.CheckedIn))
        {
            throw new DomainException(Errors.TicketUsed, "A ticket of this booking was already used at the door; ask the organizer.");
        }

        Status = BookingStatus.Cancelled;
        CancelledAt = now;
        CancellationReason = reason;
        var voided = _tickets.Where(t => t.TryVoid()).ToList();
        var refund = voided.Aggregate(Money.Zero(Currency), (sum, t) => sum + t.Price);

        AddDomainEvent(new BookingCancelledEvent(Id, EventId, CustomerId, refund.Amount, Currency, reason));
        return voided;
    }
}

public sealed record BoxOfficeLine(Guid TicketTypeId, int Quantity, Money UnitPrice, IReadOnlyList<BoxOfficeSeat> Seats);

public sealed record BoxOfficeSeat(Guid SeatId, string Label);

/// <summary>Who cancels a booking: only a customer is bound by what the door has already let in.</summary>
public enum Canceller
{
    Customer,
    Organizer,
    Admin,
}

public enum BookingStatus
{
    Confirmed,
    Cancelled,
}
