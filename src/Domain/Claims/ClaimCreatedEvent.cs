using Ticketing.Domain.Common;

namespace Ticketing.Domain.Claims;

public sealed record ClaimCreatedEvent(Guid ClaimId, Guid EventId, Guid CustomerId, int Quantity) : IDomainEvent;
