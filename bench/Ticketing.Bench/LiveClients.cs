using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Ticketing.Application.Queue;

namespace Ticketing.Bench;

/// <summary>
/// Fans' real SignalR connections to /hubs/live, WebSockets only (no negotiate request), the access token in the
/// query as a browser sends it. A loopback client has one source address and about 28,000 ephemeral ports
/// (net.ipv4.ip_local_port_range) for every connection to the server's one address and port, so connections are
/// spread over <see cref="SourceAddresses"/> source addresses 127.2.0.1… (<see cref="LoopbackSources"/>): tens of
/// thousands of listeners do not run out of ports. Open file descriptors are the other limit (bench/README.md).
/// </summary>
public sealed class LiveClients(Uri baseUrl, SemaphoreSlim connectSlots, Metrics metrics, LiveStats stats) : IDisposable
{
    public const int SourceAddresses = 8;

    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler { ConnectCallback = LoopbackSources.Rotating(block: 2, SourceAddresses) });

    /// <summary>Connects one fan and calls <paramref name="admitted"/> on their <c>admitted</c> push; null when it could not connect.</summary>
    public async Task<HubConnection?> ConnectAsync(string token, Guid eventId, Action<AdmissionDto> admitted, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, $"/hubs/live?access_token={Uri.EscapeDataString(token)}"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var socket = new ClientWebSocket();
                    await socket.ConnectAsync(context.Uri, _invoker, ct);
                    return socket;
                };
            })
            .Build();
        connection.On<AdmittedMessage>("admitted", message =>
        {
            if (message.EventId == eventId)
            {
                stats.Heard("admitted");
                admitted(new AdmissionDto(message.Token, message.ExpiresAt));
            }
        });
        connection.On<JsonElement>("soldOut", _ => stats.Heard("soldOut"));

        await connectSlots.WaitAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await connection.StartAsync(cancellationToken);
            // Counted as a success like any 2xx: the upgrade's 101 is what a connection that opened answers.
            metrics.Record("hub.connect", 200, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            stats.Connected();
            return connection;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.Record("hub.connect", Metrics.NetworkError, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            await connection.DisposeAsync();
            return null;
        }
        finally
        {
            connectSlots.Release();
        }
    }

    public void Dispose() => _invoker.Dispose();

    private sealed record AdmittedMessage(Guid EventId, string Token, DateTimeOffset ExpiresAt);
}

/// <summary>What the listeners of a run connected and heard.</summary>
public sealed class LiveStats
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _heard = new(StringComparer.Ordinal);
    private long _connected;

    public long ConnectedCount => Interlocked.Read(ref _connected);

    public void Connected() => Interlocked.Increment(ref _connected);

    public void Heard(string method) => _heard.AddOrUpdate(method, 1, (_, n) => n + 1);

    public SortedDictionary<string, long> PushesHeard() => new(_heard, StringComparer.Ordinal);
}
