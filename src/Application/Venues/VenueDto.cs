using AutoMapper;
using Ticketing.Domain.Venues;

namespace Ticketing.Application.Venues;

public sealed class VenueDto
{
    public Guid Id { get; init; }

    public Guid OwnerId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public string TimeZone { get; init; } = string.Empty;

    public int SeatCount { get; init; }

    public IReadOnlyList<VenueSectionDto> Sections { get; init; } = [];

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<Venue, VenueDto>()
                .ForMember(d => d.SeatCount, o => o.MapFrom(v => v.Sections.SelectMany(s => s.Rows).Sum(r => r.Seats)))
                .ForMember(d => d.Sections, o => o.MapFrom(v => v.Sections.OrderBy(s => s.Position)));
            CreateMap<VenueSection, VenueSectionDto>()
                .ForMember(d => d.Rows, o => o.MapFrom(s => s.Rows.OrderBy(r => r.Position)));
            CreateMap<VenueRow, VenueRowDto>();
        }
    }
}

public sealed class VenueSectionDto
{
    public string Name { get; init; } = string.Empty;

    public SeatType SeatType { get; init; }

    public IReadOnlyList<VenueRowDto> Rows { get; init; } = [];
}

public sealed class VenueRowDto
{
    public string Label { get; init; } = string.Empty;

    /// <summary>Seats are numbered 1 to this.</summary>
    public int Seats { get; init; }
}

public sealed class VenueSummaryDto
{
    public Guid Id { get; init; }

    public Guid OwnerId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public string TimeZone { get; init; } = string.Empty;

    public int SeatCount { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<Venue, VenueSummaryDto>()
                .ForMember(d => d.SeatCount, o => o.MapFrom(v => v.Sections.SelectMany(s => s.Rows).Sum(r => r.Seats)));
        }
    }
}
