using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Idempotency;

/// <summary>
/// Idempotency-Key bookkeeping (IETF httpapi-idempotency-key draft): the first request with a key claims it in one
/// insert; later ones see whether it is the same request, still running, or done with a stored response. "Still
/// running" lasts for a lease (<see cref="IdempotencyOptions.InProgressLease"/>), so a process that dies mid-request
/// does not lock its key for the whole retention.
/// </summary>
public sealed class IdempotencyStore(ApplicationDbContext context, TimeProvider timeProvider, IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    /// <summary>Keys are kept at least this long.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<IdempotencyStart> BeginAsync(Guid userId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        // A key past its retention is free again; otherwise the insert below claims it or finds its owner.
        await context.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE user_id = {userId} AND key = {key} AND expires_at <= {now}", cancellationToken);
        var claimed = await context.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys (user_id, key, fingerprint, completed, created_at, expires_at)
            VALUES ({userId}, {key}, {fingerprint}, false, {now}, {now + Retention})
            ON CONFLICT (user_id, key) DO NOTHING
            """, cancellationToken);
        if (claimed == 1 || await TakeOverLapsedAsync(userId, key, fingerprint, now, cancellationToken))
        {
            return new IdempotencyStart(IdempotencyOutcome.Started, null, null, now);
        }

        var existing = await context.Set<IdempotencyRecord>().AsNoTracking()
            .SingleAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        return existing.Fingerprint != fingerprint
            ? new IdempotencyStart(IdempotencyOutcome.KeyReused, null, null, null)
            : existing.Completed
                ? new IdempotencyStart(IdempotencyOutcome.Replay, existing.ResponseStatus, existing.ResponseBody, null)
                : new IdempotencyStart(IdempotencyOutcome.InProgress, null, null, null);
    }

    /// <summary>
    /// The same request, in progress past its lease: whoever ran it died before finishing, and this retry runs it
    /// again. One conditional statement, so of several retries arriving together exactly one takes it over.
    /// </summary>
    private async Task<bool> TakeOverLapsedAsync(Guid userId, string key, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lapsedBefore = now - options.Value.InProgressLease;
        // The new created_at is the retry's lease: the run it replaces no longer matches it when it completes or releases.
        var taken = await context.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_keys SET created_at = {now}
             WHERE user_id = {userId} AND key = {key} AND fingerprint = {fingerprint} AND NOT completed AND created_at <= {lapsedBefore}
            """, cancellationToken);
        return taken == 1;
    }

    /// <summary>
    /// Stores the response, if the run still holds the key: one slower than its lease was taken over, and the
    /// response stored is the one of the run that holds it (<paramref name="lease"/>, from <see cref="BeginAsync"/>).
    /// </summary>
    public Task CompleteAsync(Guid userId, string key, DateTimeOffset lease, int status, string body, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_keys SET completed = true, response_status = {status}, response_body = {body}
             WHERE user_id = {userId} AND key = {key} AND created_at = {lease} AND NOT completed
            """, cancellationToken);

    /// <summary>
    /// The request failed: the key is released so the client may retry with it — if the run still holds it, or a
    /// slow run would free the key of the retry that took it over and let a third run beside it.
    /// </summary>
    public Task ReleaseAsync(Guid userId, string key, DateTimeOffset lease, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE user_id = {userId} AND key = {key} AND created_at = {lease} AND NOT completed", cancellationToken);
}
