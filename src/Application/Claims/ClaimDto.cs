using AutoMapper;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Claims;

public sealed class ClaimDto
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public ClaimStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public IReadOnlyList<ClaimItemDto> Items { get; init; } = [];

    /// <summary>In major units with the currency's decimals.</summary>
    public decimal Total { get; init; }

    public string Currency { get; init; } = string.Empty;

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<Claim, ClaimDto>()
                .ForMember(d => d.Total, o => o.MapFrom(c => new Money(c.Items.Sum(i => i.UnitPrice.Amount * i.Quantity), c.Currency).ToMajor()));
            CreateMap<ClaimItem, ClaimItemDto>()
                .ForMember(d => d.UnitPrice, o => o.MapFrom(i => new Money(i.UnitPrice.Amount, i.UnitPrice.Currency).ToMajor()));
        }
    }
}

public sealed class ClaimItemDto
{
    public Guid TicketTypeId { get; init; }

    public int Quantity { get; init; }

    public decimal UnitPrice { get; init; }

    /// <summary>The seats held, for a seated event.</summary>
    public IReadOnlyList<Guid> SeatIds { get; init; } = [];
}
