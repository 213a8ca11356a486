using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.ApiKeys;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.ApiKeys;

/// <summary>
/// Answers the API-key gate. Malformed keys are refused without I/O; a well-formed key is looked up by its hash
/// (unique index) and, when valid, remembered for <see cref="CacheLifetime"/>.
/// </summary>
/// <remarks>
/// The cache is the trade-off between the hot path and revocation: within its lifetime a busy client costs a
/// dictionary lookup instead of a query, and a revoked key keeps working for at most that long on each instance
/// (no cross-instance invalidation is needed). Only valid keys are cached, so random keys cannot grow it: its size
/// is bounded by the keys an Admin issued. Unknown keys cost one indexed lookup each; rate limiting bounds that.
/// </remarks>
public sealed class ApiKeyValidator(IServiceScopeFactory scopes, TimeProvider timeProvider) : IApiKeyValidator
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    /// <summary>lastUsedAt is written at most this often per key, so a busy client does not turn reads into writes.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _validUntil = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsValidAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsWellFormed(presentedKey))
        {
            return false;
        }

        var hash = ApiKeySecret.HashOf(presentedKey!);
        var now = timeProvider.GetUtcNow();
        if (_validUntil.TryGetValue(hash, out var validUntil) && validUntil > now)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var key = await context.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            _validUntil.TryRemove(hash, out _);
            return false;
        }

        _validUntil[hash] = now + CacheLifetime;

        // Only on a cache miss, and conditional, so concurrent instances write lastUsedAt at most once a minute
        // between them; a key in steady use is recorded to within a minute plus the cache lifetime.
        var stale = now - LastUsedResolution;
        if (key.LastUsedAt is null || key.LastUsedAt < stale)
        {
            await context.ApiKeys
                .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return true;
    }
}
