using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

public sealed record UserRegisteredEvent(Guid UserId, string Email, string DisplayName) : IDomainEvent;
