namespace Ticketing.WebApi.Common;

/// <summary>
/// Request limits (section "RateLimiting"), each a fixed window. Per IP limits are generous, because thousands of
/// fans can share one carrier-grade NAT address; per account limits are tight, because that is what a guesser
/// attacks, from however many addresses.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Every request from one IP, before anything else runs (probes and key-less requests included): floods only.</summary>
    public RateLimit Global { get; set; } = new() { PermitLimit = 3000, WindowSeconds = 10 };

    /// <summary>The password endpoints, per user or (anonymous) IP.</summary>
    public RateLimit Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Registrations from one IP, whatever the email: sign-up floods, not a NAT full of new fans.</summary>
    public RateLimit RegisterPerIp { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>Registrations of one email (the body's), from whatever IP: each one probes or mails that address.</summary>
    public RateLimit RegisterPerAccount { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>Refreshes from one IP, whatever the session: a stadium keeps thousands of sessions alive behind one NAT.</summary>
    public RateLimit RefreshPerIp { get; set; } = new() { PermitLimit = 3000, WindowSeconds = 60 };

    /// <summary>Refreshes presenting one refresh token (by its hash): a client stuck in a refresh loop.</summary>
    public RateLimit RefreshPerToken { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Logins from one IP, whatever the account.</summary>
    public RateLimit LoginPerIp { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>Logins to one account (the email in the body), from whatever IP: password guessing.</summary>
    public RateLimit LoginPerAccount { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Requesting and verifying sign-in codes from one IP, whatever the account.</summary>
    public RateLimit OtpPerIp { get; set; } = new() { PermitLimit = 300, WindowSeconds = 600 };

    /// <summary>Requesting and verifying codes for one account together: each request mails someone, each guess is a guess.</summary>
    public RateLimit OtpPerAccount { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    public RateLimit QueueJoin { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimit Claims { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    public IEnumerable<RateLimit> All =>
        [Global, Auth, RegisterPerIp, RegisterPerAccount, RefreshPerIp, RefreshPerToken, LoginPerIp, LoginPerAccount, OtpPerIp, OtpPerAccount, QueueJoin, Claims];
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
