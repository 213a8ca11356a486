namespace Ticketing.WebApi.Common;

/// <summary>Request limits per caller (section "RateLimiting"): one fixed window per policy and user, or per IP when anonymous.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Login, registration, refresh and the password endpoints: password guessing and sign-up floods.</summary>
    public RateLimit Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Requesting and verifying sign-in codes together: each request mails someone, each guess is a guess.</summary>
    public RateLimit Otp { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    public RateLimit QueueJoin { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimit Claims { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
