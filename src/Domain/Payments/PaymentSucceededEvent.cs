using Ticketing.Domain.Common;

namespace Ticketing.Domain.Payments;

public sealed record PaymentSucceededEvent(Guid PaymentId, Guid CustomerId, Guid? ClaimId) : IDomainEvent;
