namespace Ticketing.Application.Common.Security;

/// <summary>Claim names of our access tokens: written by the token service (Infrastructure), read back by the hosts.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Session = "sid";
    public const string Role = "role";
    public const string Name = "name";
}
