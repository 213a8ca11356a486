using Ticketing.Domain.Common;

namespace Ticketing.Domain.Bookings;

public sealed record BookingConfirmedEvent(Guid BookingId, Guid EventId, Guid? CustomerId) : IDomainEvent;
