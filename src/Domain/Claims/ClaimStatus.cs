namespace Ticketing.Domain.Claims;

public enum ClaimStatus
{
    Pending,
    Confirmed,
    Released,
    Expired,
}
