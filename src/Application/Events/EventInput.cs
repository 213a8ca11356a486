using System.Text.Json.Serialization;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events;

/// <summary>The body of POST and PUT /api/events: everything an organizer sets on an event.</summary>
public abstract record EventInput
{
    public string Title { get; init; } = string.Empty;

    public string? Description { get; init; }

    /// <summary>Set for a seated event (then give <see cref="SeatPrices"/>); empty for general admission (then give <see cref="TicketTypes"/>).</summary>
    public Guid? VenueId { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset SaleStartsAt { get; init; }

    public DateTimeOffset? SaleEndsAt { get; init; }

    /// <summary>When tickets start to check in; empty for four hours before <see cref="StartsAt"/>.</summary>
    public DateTimeOffset? DoorsOpenAt { get; init; }

    /// <summary>When check-in stops; empty for <see cref="EndsAt"/>.</summary>
    public DateTimeOffset? DoorsCloseAt { get; init; }

    /// <summary>ISO 4217, e.g. USD; prices are decimal amounts in it.</summary>
    public string Currency { get; init; } = string.Empty;

    public IReadOnlyList<TicketTypeInput>? TicketTypes { get; init; }

    public SeatPricesInput? SeatPrices { get; init; }

    public QueueInput? Queue { get; init; }

    public int ClaimTtlMinutes { get; init; } = EventRules.DefaultClaimTtlMinutes;

    public int MaxTicketsPerCustomer { get; init; } = EventRules.DefaultMaxTicketsPerCustomer;

    [JsonIgnore]
    public bool IsSeated => VenueId is not null;

    [JsonIgnore]
    public DoorWindow Doors => new EventSchedule(StartsAt, EndsAt, SaleStartsAt, SaleEndsAt, DoorsOpenAt, DoorsCloseAt).Doors;

    public EventDetails ToDetails() => new(
        Title.Trim(),
        Description?.Trim() ?? string.Empty,
        new EventSchedule(StartsAt, EndsAt, SaleStartsAt, SaleEndsAt, DoorsOpenAt, DoorsCloseAt),
        Currency,
        Queue is null ? QueueSettings.Off : new QueueSettings(Queue.Enabled, Queue.AdmissionsPerMinute, Queue.AdmissionWindowMinutes),
        ClaimTtlMinutes,
        MaxTicketsPerCustomer);
}

/// <summary>A general-admission ticket type; <see cref="Id"/> names an existing one when updating.</summary>
public sealed record TicketTypeInput(string Name, decimal Price, int Capacity, Guid? Id = null);

/// <summary>The price of each seat type of a seated event; every seat type the venue has needs one.</summary>
public sealed record SeatPricesInput(decimal? Standard = null, decimal? Deluxe = null);

public sealed record QueueInput(bool Enabled, int AdmissionsPerMinute = 60, int AdmissionWindowMinutes = 10);
