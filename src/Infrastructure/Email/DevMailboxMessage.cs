namespace Ticketing.Infrastructure.Email;

/// <summary>A message "sent" in Development, kept so people and tests can read it (GET /dev/mailbox).</summary>
public sealed class DevMailboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string To { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
