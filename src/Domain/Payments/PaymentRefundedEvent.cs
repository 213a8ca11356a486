using Ticketing.Domain.Common;

namespace Ticketing.Domain.Payments;

/// <param name="Amount">Minor units.</param>
public sealed record PaymentRefundedEvent(Guid PaymentId, Guid CustomerId, long Amount, string Currency) : IDomainEvent;
