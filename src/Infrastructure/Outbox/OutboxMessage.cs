namespace Ticketing.Infrastructure.Outbox;

/// <summary>A domain event waiting to be delivered, written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>When the message may next be tried; while leased, when the lease ends.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    public DateTimeOffset? DeadLetteredAt { get; init; }

    public string? LastError { get; init; }
}
