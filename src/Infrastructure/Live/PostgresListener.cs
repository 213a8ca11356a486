using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Live;

/// <summary>
/// The one LISTEN connection of this instance. It opens when the first subscriber arrives (a process that subscribes
/// to nothing, like the Worker, never holds one), LISTENs on every subscribed channel, and reconnects after any failure.
/// </summary>
public sealed class PostgresListener(NpgsqlDataSource dataSource, ILogger<PostgresListener> logger) : BackgroundService, ILiveFeed
{
    // Wall-clock on purpose, not TimeProvider: a reconnect waits for the database in real time, and a host run on a
    // test's fake clock must still come back after its connection is killed.
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    // How long one wait for a notification lasts before the loop looks for channels subscribed meanwhile. A wait
    // that times out leaves the connection usable; a cancelled one does not.
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _firstSubscription = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Subscription[] _subscriptions = [];

    public void Subscribe(string channel, Action<string> received, Func<CancellationToken, Task>? listening = null, Action? lost = null)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, new Subscription(channel, received, listening, lost)];
        }

        _firstSubscription.TrySetResult();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _firstSubscription.Task.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever broke the connection, listening must come back on its own, not take the host down.
                    logger.LogWarning(ex, "The live listener lost its database connection; reconnecting");
                    foreach (var subscription in Volatile.Read(ref _subscriptions))
                    {
                        subscription.Lost?.Invoke();
                    }

                    await Task.Delay(RetryDelay, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) => Deliver(e.Channel, e.Payload);
        var listened = new HashSet<string>();
        var announced = new HashSet<Subscription>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var subscriptions = Volatile.Read(ref _subscriptions);
            foreach (var channel in subscriptions.Select(s => s.Channel).Where(listened.Add))
            {
                await using var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection);
                await listen.ExecuteNonQueryAsync(stoppingToken);
            }

            foreach (var subscription in subscriptions.Where(announced.Add))
            {
                _ = AnnounceAsync(subscription, stoppingToken);
            }

            await connection.WaitAsync(WaitSlice, stoppingToken);
        }
    }

    private void Deliver(string channel, string payload)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Channel != channel)
            {
                continue;
            }

            try
            {
                subscription.Received(payload);
            }
            catch (Exception ex)
            {
                // One subscriber's bad message must not stop the others hearing theirs.
                logger.LogWarning(ex, "A subscriber to {Channel} failed on a message", channel);
            }
        }
    }

    // Off the listening loop, so a subscriber's reload never delays delivery; notifications keep arriving meanwhile.
    private async Task AnnounceAsync(Subscription subscription, CancellationToken stoppingToken)
    {
        if (subscription.Listening is null)
        {
            return;
        }

        try
        {
            await Task.Run(() => subscription.Listening(stoppingToken), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "A subscriber to {Channel} failed to catch up after listening", subscription.Channel);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed record Subscription(string Channel, Action<string> Received, Func<CancellationToken, Task>? Listening, Action? Lost);
}
