using Ticketing.Domain.Common;

namespace Ticketing.Domain.Claims;

public sealed record ClaimExpiringEvent(Guid ClaimId, Guid CustomerId, DateTimeOffset ExpiresAt) : IDomainEvent;
