using System.ComponentModel.DataAnnotations;

namespace Ticketing.Infrastructure.Identity;

/// <summary>Token settings (section "Jwt"). The signing key is a secret: configuration or environment only.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    public string Issuer { get; set; } = "ticketing";

    public string Audience { get; set; } = "ticketing-api";

    /// <summary>HMAC-SHA256 key, at least 32 characters. Required; Development has its own in appsettings.Development.json.</summary>
    [Required(ErrorMessage = "Jwt:SigningKey is required: set it in configuration or the Jwt__SigningKey environment variable.")]
    [MinLength(32, ErrorMessage = "Jwt:SigningKey must be at least 32 characters.")]
    public string SigningKey { get; set; } = string.Empty;

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;
}
