using Ticketing.Domain.Common;

namespace Ticketing.Domain.Claims;

public sealed record ClaimEndedEvent(Guid ClaimId, Guid EventId, Guid CustomerId, ClaimStatus Status, int Quantity) : IDomainEvent;
