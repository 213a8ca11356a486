using AutoMapper;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Venues;

namespace Ticketing.Application.Events;

public sealed class EventDto
{
    public Guid Id { get; init; }

    public Guid OrganizerId { get; init; }

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public EventState State { get; init; }

    public Guid? VenueId { get; init; }

    public string? VenueName { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset SaleStartsAt { get; init; }

    public DateTimeOffset? SaleEndsAt { get; init; }

    /// <summary>Check-in opens (the organizer's time, or four hours before the start).</summary>
    public DateTimeOffset DoorsOpenAt { get; init; }

    /// <summary>Check-in closes (the organizer's time, or the end).</summary>
    public DateTimeOffset DoorsCloseAt { get; init; }

    public string Currency { get; init; } = string.Empty;

    public QueueSettingsDto Queue { get; init; } = null!;

    public int ClaimTtlMinutes { get; init; }

    public int MaxTicketsPerCustomer { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>SHA-256 (hex) of the pre-queue draw's seed, public from publishing on.</summary>
    public string? QueueSeedHash { get; init; }

    /// <summary>The draw's seed (hex), revealed once the sale has opened; see GET /api/events/{id}/queue/draw.</summary>
    public string? QueueSeed { get; init; }

    public IReadOnlyList<TicketTypeDto> TicketTypes { get; init; } = [];

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            // Projected straight from SQL: the venue name comes by subquery, never by loading the venue.
            IQueryable<Venue> venues = null!;
            CreateMap<Event, EventDto>()
                .ForMember(d => d.VenueName, o => o.MapFrom(e => venues.Where(v => v.Id == e.VenueId).Select(v => v.Name).FirstOrDefault()))
                .ForMember(d => d.DoorsOpenAt, o => o.MapFrom(e => e.DoorsOpenAt ?? e.StartsAt - DoorWindow.DefaultOpeningBeforeStart))
                .ForMember(d => d.DoorsCloseAt, o => o.MapFrom(e => e.DoorsCloseAt ?? e.EndsAt))
                .ForMember(d => d.TicketTypes, o => o.MapFrom(e => e.TicketTypes.OrderBy(t => t.Price.Amount).ThenBy(t => t.Name)))
                .ForMember(d => d.QueueSeed, o => o.MapFrom(e => e.SaleOpenedAt != null && e.QueueSeed != null ? Convert.ToHexStringLower(e.QueueSeed) : null));
            CreateMap<QueueSettings, QueueSettingsDto>();
            CreateMap<TicketType, TicketTypeDto>()
                .ForMember(d => d.Price, o => o.MapFrom(t => new Money(t.Price.Amount, t.Price.Currency).ToMajor()))
                .ForMember(d => d.Currency, o => o.MapFrom(t => t.Price.Currency))
                .ForMember(d => d.Available, o => o.MapFrom(t => t.Capacity - t.Sold - t.Held));
        }
    }
}

public sealed class QueueSettingsDto
{
    public bool Enabled { get; init; }

    public int AdmissionsPerMinute { get; init; }

    public int AdmissionWindowMinutes { get; init; }
}

public sealed class TicketTypeDto
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>Set when the type stands for the seats of one seat type.</summary>
    public SeatType? SeatType { get; init; }

    /// <summary>In major units with the currency's decimals (25.50).</summary>
    public decimal Price { get; init; }

    public string Currency { get; init; } = string.Empty;

    public int Capacity { get; init; }

    /// <summary>Not sold and not held by a pending claim.</summary>
    public int Available { get; init; }
}
