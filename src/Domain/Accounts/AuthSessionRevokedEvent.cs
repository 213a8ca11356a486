using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

/// <summary>A sign-in session ended (logout, refresh-token reuse, a new password): what it opened must close too.</summary>
public sealed record AuthSessionRevokedEvent(Guid SessionId, Guid UserId) : IDomainEvent;
