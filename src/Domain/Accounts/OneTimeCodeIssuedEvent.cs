using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

/// <summary>A sign-in code to be mailed to <see cref="Email"/>. Carries the code itself; see <see cref="OneTimeCode.Issue"/>.</summary>
public sealed record OneTimeCodeIssuedEvent(Guid CodeId, Guid UserId, string Email, string Code, DateTimeOffset ExpiresAt) : IDomainEvent;
