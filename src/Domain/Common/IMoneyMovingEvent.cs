namespace Ticketing.Domain.Common;

/// <summary>
/// An event whose delivery moves a customer's money. Its outbox message is never dead-lettered: the dispatcher retries it,
/// with capped backoff, for as long as it takes, and says so loudly once it keeps failing.
/// </summary>
public interface IMoneyMovingEvent : IDomainEvent;
