using Ticketing.Domain.Common;

namespace Ticketing.Domain.Bookings;

/// <param name="RefundAmount">Minor units.</param>
public sealed record BookingCancelledEvent(Guid BookingId, Guid EventId, Guid? CustomerId, long RefundAmount, string Currency, string Reason) : IDomainEvent;
