using Ticketing.Domain.Common;

namespace Ticketing.Domain.Accounts;

/// <summary>A reset token to be mailed to <see cref="Email"/>. Carries the token itself; see <see cref="PasswordResetToken.Issue"/>.</summary>
public sealed record PasswordResetRequestedEvent(Guid TokenId, Guid UserId, string Email, string Token, DateTimeOffset ExpiresAt) : IDomainEvent;
