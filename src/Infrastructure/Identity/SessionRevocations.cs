using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Identity;

/// <summary>
/// The sessions revoked within an access token's lifetime, in memory, so that checking a token's session costs no
/// query (ADR 0019). A trigger on <c>auth_sessions</c> NOTIFYs each revoked or deleted session; this instance's own
/// revocations are added when they commit, so the next request here is refused without waiting for that NOTIFY to
/// come back. Each time the listener (re)connects the list is reloaded from the table; until that load has
/// completed (at start and after a dropped connection) it knows nothing and callers ask the database.
/// </summary>
public sealed class SessionRevocations(
    ILiveFeed feed,
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    IOptions<JwtOptions> jwtOptions,
    ILogger<SessionRevocations> logger) : IHostedService
{
    public const string Channel = "ticketing_sessions_revoked";

    // Wall-clock on purpose, like the listener's reconnect: retrying a failed load waits for the database, not for
    // business time (the revocations' own expiry does use the TimeProvider).
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // Session id → when it can be forgotten.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _revoked = new();
    private volatile bool _complete;
    private volatile bool _started;
    private int _connection;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Whether the session was revoked, or null when this instance cannot know right now.</summary>
    public bool? IsRevoked(Guid sessionId) => _complete ? _revoked.ContainsKey(sessionId) : null;

    // A revoked session matters while a token issued before its revocation can still pass: the token lifetime,
    // plus more than the bearer handler's 30 s clock skew. Read only once started: the Worker, which checks no
    // tokens, neither starts this nor has the token settings.
    private TimeSpan Remembered => TimeSpan.FromMinutes(jwtOptions.Value.AccessTokenMinutes + 1);

    public void Add(Guid sessionId)
    {
        if (!_started)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        _revoked[sessionId] = now + Remembered;
        if (now >= _nextSweep)
        {
            _nextSweep = now + SweepInterval;
            foreach (var (id, forgetAt) in _revoked)
            {
                if (forgetAt <= now)
                {
                    _revoked.TryRemove(id, out _);
                }
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = true;
        feed.Subscribe(Channel, Received, ReloadAsync, Lost);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Received(string payload)
    {
        if (Guid.TryParse(payload, out var sessionId))
        {
            Add(sessionId);
        }
    }

    private void Lost()
    {
        Interlocked.Increment(ref _connection);
        _complete = false;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var connection = Volatile.Read(ref _connection);
        while (true)
        {
            try
            {
                var since = timeProvider.GetUtcNow() - Remembered;
                await using var scope = scopes.CreateAsyncScope();
                var revoked = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().AuthSessions
                    .Where(s => s.RevokedAt >= since)
                    .Select(s => s.Id)
                    .ToListAsync(cancellationToken);
                foreach (var sessionId in revoked)
                {
                    Add(sessionId);
                }

                // A connection lost during the load may have missed a revocation this load did not see either.
                _complete = connection == Volatile.Read(ref _connection);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Revoked sessions could not be loaded; sessions are checked in the database meanwhile");
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }
}
