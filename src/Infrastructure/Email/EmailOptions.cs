namespace Ticketing.Infrastructure.Email;

/// <summary>Email settings (section "Email").</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary><c>Development</c> (the database mailbox and files) or <c>Smtp</c>.</summary>
    public string Provider { get; set; } = "Smtp";

    public string From { get; set; } = "Ticketing <no-reply@ticketing.local>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where the Development mailbox also writes each message as a text file.</summary>
    public string DevelopmentDirectory { get; set; } = ".data/mail";

    public bool UsesDevelopmentMailbox => string.Equals(Provider, "Development", StringComparison.OrdinalIgnoreCase);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseStartTls { get; set; } = true;
}
