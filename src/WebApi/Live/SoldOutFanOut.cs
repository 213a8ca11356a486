using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Queue.Queries.GetQueuedCustomers;

namespace Ticketing.WebApi.Live;

/// <summary>
/// An event sold out: every fan in its line who is connected to this instance hears <c>soldOut</c>, whether or not
/// their client called WatchQueue (a waiting fan should not learn it only at their next poll, up to a minute later),
/// and so does everyone else watching the queue. Each connection gets it once.
/// </summary>
public sealed class SoldOutFanOut(IHubContext<LiveHub> hub, LiveConnections connections, IServiceScopeFactory scopes)
{
    public const string Method = "soldOut";

    public async Task PushAsync(string queueGroup, JsonElement payload, CancellationToken cancellationToken)
    {
        var eventId = payload.GetProperty("eventId").GetGuid();
        var connected = connections.ByCustomer();
        IReadOnlySet<Guid> queued = new HashSet<Guid>();
        if (connected.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            queued = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new GetQueuedCustomersQuery(eventId, connected.Keys.ToList()), cancellationToken);
        }

        var fans = connected.Where(c => queued.Contains(c.Key)).ToList();
        if (fans.Count > 0)
        {
            await hub.Clients.Groups(fans.Select(f => LiveMessage.Customer(f.Key)).ToList())
                .SendAsync(Method, payload, cancellationToken);
        }

        await hub.Clients.GroupExcept(queueGroup, fans.SelectMany(f => f.Value).ToList())
            .SendAsync(Method, payload, cancellationToken);
    }
}
