using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
// Only the claim names: the namespace's AuthorizeAttribute would clash with ASP.NET Core's on the hub.
using TokenClaims = Ticketing.Application.Common.Security.TokenClaims;
using Ticketing.Application.Events.Queries.CanWatchEvent;
using Ticketing.Application.Events.Queries.CanWatchQueue;

namespace Ticketing.WebApi.Live;

/// <summary>
/// /hubs/live. Every connection joins customer:{id} (queuePosition, admitted, claimExpiring). WatchQueue(eventId)
/// adds queue-wide pushes (soldOut) and live positions; WatchEvent(eventId) the organizer's dashboard counters.
/// The access token comes as the access_token query parameter; the connection closes when its session ends.
/// </summary>
[Authorize]
public sealed class LiveHub(
    IMediator mediator,
    QueueWatchers watchers,
    LiveConnections connections,
    IAuthSessionValidator sessions,
    IOptions<LiveOptions> options) : Hub
{
    public const string Path = "/hubs/live";

    private const string WatchedGroups = "watched";

    public override async Task OnConnectedAsync()
    {
        connections.Opened(SessionId, UserId, Context);
        try
        {
            // A session that ended between this connection's authentication and the line above sent its close order
            // before the connection was listed: look again now that it is.
            if (!await sessions.IsActiveAsync(SessionId, Context.ConnectionAborted))
            {
                Context.Abort();
                return;
            }

            Context.Items[WatchedGroups] = new HashSet<string>();
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveMessage.Customer(UserId));
            await base.OnConnectedAsync();
        }
        catch
        {
            // SignalR calls OnDisconnectedAsync only for connections that opened: one that failed here would stay listed.
            connections.Closed(Context.ConnectionId);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context.ConnectionId);
        watchers.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task WatchQueue(Guid eventId)
    {
        if (!await mediator.Send(new CanWatchQueueQuery(eventId, new LiveCaller(Context.User!)), Context.ConnectionAborted))
        {
            throw new HubException("There is no such event.");
        }

        await JoinAsync(LiveMessage.EventQueue(eventId));
        watchers.Watch(eventId, Context.ConnectionId, UserId);
    }

    public async Task WatchEvent(Guid eventId)
    {
        if (!await mediator.Send(new CanWatchEventQuery(eventId, new LiveCaller(Context.User!)), Context.ConnectionAborted))
        {
            throw new HubException("Only the event's organizer or an Admin can watch its dashboard.");
        }

        await JoinAsync(LiveMessage.EventDashboard(eventId));
    }

    /// <summary>Joins a queue or dashboard group, at most <see cref="LiveOptions.MaxWatchedEvents"/> per connection.</summary>
    private Task JoinAsync(string group)
    {
        var watched = (HashSet<string>)Context.Items[WatchedGroups]!;
        var max = options.Value.MaxWatchedEvents;
        lock (watched)
        {
            if (!watched.Contains(group) && watched.Count >= max)
            {
                throw new HubException($"One connection follows at most {max} queues and dashboards.");
            }

            watched.Add(group);
        }

        return Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private Guid UserId => Guid.Parse(Context.User!.FindFirstValue(TokenClaims.Subject)!);

    private Guid SessionId => Guid.Parse(Context.User!.FindFirstValue(TokenClaims.Session)!);
}
