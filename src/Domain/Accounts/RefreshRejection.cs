namespace Ticketing.Domain.Accounts;

public enum RefreshRejection
{
    None,
    SessionRevoked,
    TokenExpired,
    TokenReused,
}
