namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// Idempotency-Key bookkeeping for money-moving requests, per user and key: who holds a key, and the response stored
/// for it once its request succeeded (ADR 15).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request, or says what holds it: the same request done or still running, or another request.</summary>
    Task<IdempotencyStart> BeginAsync(Guid userId, string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Stores the response, if the run that began with <paramref name="lease"/> still holds the key.</summary>
    Task CompleteAsync(Guid userId, string key, DateTimeOffset lease, int status, string body, CancellationToken cancellationToken);

    /// <summary>The request failed: frees the key for a retry, if the run that began with <paramref name="lease"/> still holds it.</summary>
    Task ReleaseAsync(Guid userId, string key, DateTimeOffset lease, CancellationToken cancellationToken);
}

public enum IdempotencyOutcome
{
    Started,
    Replay,
    KeyReused,
    InProgress,
}

/// <summary>What <see cref="IIdempotencyStore.BeginAsync"/> found; <see cref="Lease"/> names the run that holds the key when it started.</summary>
public sealed record IdempotencyStart(IdempotencyOutcome Outcome, int? Status, string? Body, DateTimeOffset? Lease);
