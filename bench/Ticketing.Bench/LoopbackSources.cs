using System.Net;
using System.Net.Sockets;

namespace Ticketing.Bench;

/// <summary>
/// Sockets to the system from many loopback source addresses (all of 127.0.0.0/8 is this machine on Linux), as
/// fans come from many addresses: per-address limits (the global rate limit's anonymous budget) then meet one
/// connection's load, not the whole bench's, and no source address runs out of its ~28,000 ephemeral ports.
/// Only an IPv4 loopback target is reached this way; any other target gets an unbound socket.
/// </summary>
public static class LoopbackSources
{
    /// <summary>127.{block}.{index / 250}.{1 + index % 250}: a range of its own for each use (HTTP, live connections).</summary>
    public static IPAddress Address(int block, int index) =>
        new([127, (byte)block, (byte)(index / 250), (byte)(1 + (index % 250))]);

    /// <summary>A connect callback that takes the next of <paramref name="count"/> source addresses for each new connection.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Rotating(int block, int count)
    {
        var next = -1;
        return (context, cancellationToken) => ConnectAsync(context, Address(block, (int)((uint)Interlocked.Increment(ref next) % count)), cancellationToken);
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, IPAddress source, CancellationToken cancellationToken)
    {
        var target = IPAddress.TryParse(context.DnsEndPoint.Host, out var parsed)
            ? parsed
            : (await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken))[0];
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (target.AddressFamily == AddressFamily.InterNetwork && IPAddress.IsLoopback(target))
            {
                socket.Bind(new IPEndPoint(source, 0));
            }

            await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
