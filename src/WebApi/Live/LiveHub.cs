using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Events.Queries.CanWatchEvent;
using Ticketing.Domain.Accounts;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.WebApi.Live;

/// <summary>
/// /hubs/live. Every connection joins customer:{id} (queuePosition, admitted, claimExpiring). WatchQueue(eventId)
/// adds queue-wide pushes (soldOut) and live positions; WatchEvent(eventId) the organizer's dashboard counters.
/// The access token comes as the access_token query parameter.
/// </summary>
[Authorize]
public sealed class LiveHub(IMediator mediator, QueueWatchers watchers) : Hub
{
    public const string Path = "/hubs/live";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveMessage.Customer(UserId));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task WatchQueue(Guid eventId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveMessage.EventQueue(eventId));
        watchers.Watch(eventId, Context.ConnectionId, UserId);
    }

    public async Task WatchEvent(Guid eventId)
    {
        if (!await mediator.Send(new CanWatchEventQuery(eventId, UserId, Context.User!.IsInRole(Roles.Admin)), Context.ConnectionAborted))
        {
            throw new HubException("Only the event's organizer or an Admin can watch its dashboard.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveMessage.EventDashboard(eventId));
    }

    private Guid UserId => Guid.Parse(Context.User!.FindFirstValue(TokenClaims.Subject)!);
}
