namespace Ticketing.Infrastructure.Identity;

/// <summary>Claim names of our access tokens, as read back by the WebApi.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Session = "sid";
    public const string Role = "role";
    public const string Name = "name";
}
