using System.Text.Json;
using System.Threading.Channels;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Live;
using Ticketing.Application.Queue.Queries.GetQueuePositions;

namespace Ticketing.WebApi.Live;

/// <summary>
/// Reacts to what is published on the live channel by forwarding it to this instance's hub group. Messages are only
/// enqueued as they arrive (a bounded queue that drops the oldest when full) and each push has a short timeout, so a
/// slow client loses pushes instead of holding up anyone else.
/// </summary>
public sealed class LiveNotificationListener(
    ILiveFeed feed,
    IHubContext<LiveHub> hub,
    QueueWatchers watchers,
    LiveConnections connections,
    SoldOutFanOut soldOut,
    IServiceScopeFactory scopes,
    ILogger<LiveNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<string> _received = Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before expecting pushes).</summary>
    public Task Listening => _listening.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.Subscribe(
            ILiveNotifier.Channel,
            payload => _received.Writer.TryWrite(payload),
            _ =>
            {
                _listening.TrySetResult();
                return Task.CompletedTask;
            });
        return ForwardAsync(stoppingToken);
    }

    private async Task ForwardAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in _received.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var message = JsonSerializer.Deserialize<LiveEnvelope>(payload, JsonSerializerOptions.Web)!;
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    timeout.CancelAfter(PushTimeout);
                    await (message.Method switch
                    {
                        "queueAdvanced" => PushPositionsAsync(message, timeout.Token),
                        "sessionEnded" => CloseSession(message),
                        SoldOutFanOut.Method => soldOut.PushAsync(message.Group, message.Payload, timeout.Token),
                        _ => hub.Clients.Group(message.Group).SendAsync(message.Method, message.Payload, timeout.Token),
                    });
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // One unreadable message or unreachable client loses that push only.
                    logger.LogDebug(ex, "A live push was dropped");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task CloseSession(LiveEnvelope message)
    {
        connections.CloseSession(message.Payload.GetProperty("sessionId").GetGuid());
        return Task.CompletedTask;
    }

    /// <summary>The line moved: tell each customer connected here who watches that queue their new place.</summary>
    private async Task PushPositionsAsync(LiveEnvelope message, CancellationToken cancellationToken)
    {
        var eventId = message.Payload.GetProperty("eventId").GetGuid();
        var watching = watchers.CustomersWatching(eventId);
        if (watching.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var positions = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new GetQueuePositionsQuery(eventId, watching), cancellationToken);
        foreach (var (customerId, position) in positions)
        {
            await hub.Clients.Group(LiveMessage.Customer(customerId))
                .SendAsync("queuePosition", new QueuePositionPush(eventId, position), cancellationToken);
        }
    }
}
