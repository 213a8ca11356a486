using Ticketing.Application.Common.Live;
using Ticketing.Application.Events.Commands.PublishLiveCounters;

namespace Ticketing.WebApi.Live;

/// <summary>What a client hears on <c>/hubs/live</c>: each message's name, who receives it and its payload's type.
/// The hub's AsyncAPI document (<c>docs/asyncapi.json</c>) is generated from this list, so it names
/// exactly what is sent.</summary>
public static class LivePushCatalogue
{
    public static readonly IReadOnlyList<LivePushKind> All =
    [
        new("admitted", typeof(AdmittedPush), "The customer, on any of their connections: their admission to an event's queue (the token polling returns)."),
        new("queuePosition", typeof(QueuePositionPush), "The customer, after calling WatchQueue(eventId): their place in line whenever it moves."),
        new("soldOut", typeof(SoldOutPush), "Every customer in the event's line who holds a connection, and everyone who called WatchQueue(eventId); once per connection each time the event sells out."),
        new("claimExpiring", typeof(ClaimExpiringPush), "The customer: one of their claims expires soon."),
        new("counters", typeof(LiveCountersDto), "The organizer (or an Admin) after calling WatchEvent(eventId): the event's counters every 2 s while it sells."),
    ];
}

/// <param name="Name">The client method the hub invokes.</param>
public sealed record LivePushKind(string Name, Type Payload, string Audience);

