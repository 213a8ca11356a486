using Ticketing.Domain.Common;

namespace Ticketing.Domain.Payments;

public sealed record PaymentRefundRequestedEvent(Guid PaymentId) : IMoneyMovingEvent;
