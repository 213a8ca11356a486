using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

public sealed record EventBackOnSaleEvent(Guid EventId) : IDomainEvent;
