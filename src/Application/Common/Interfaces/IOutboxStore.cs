using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// The outbox table as a work queue. A batch is leased with one statement (FOR UPDATE SKIP LOCKED), so several
/// Worker instances never take the same message, and a message whose worker died is retried when its lease ends.
/// </summary>
public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxEnvelope>> LeaseBatchAsync(int maxCount, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkProcessedAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>Records the failure; the message is tried again at <paramref name="retryAt"/>, or dead-lettered when it is null.</summary>
    Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Undelivered messages of <see cref="IMoneyMovingEvent"/> types that have failed at least <paramref name="minAttempts"/> times.</summary>
    Task<int> CountStuckMoneyMovingAsync(int minAttempts, CancellationToken cancellationToken);
}

/// <summary>A leased outbox message; <see cref="Event"/> is null when its type or payload can no longer be read.</summary>
public sealed record OutboxEnvelope(Guid Id, string Type, int Attempts, IDomainEvent? Event);
