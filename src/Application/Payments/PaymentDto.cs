using AutoMapper;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments;

public sealed class PaymentDto
{
    public Guid Id { get; init; }

    public string Reference { get; init; } = string.Empty;

    public PaymentPurpose Purpose { get; init; }

    public Guid? ClaimId { get; init; }

    public PaymentMethod Method { get; init; }

    public PaymentStatus Status { get; init; }

    /// <summary>In major units with the currency's decimals: the whole, and the wallet and card parts.</summary>
    public decimal Amount { get; init; }

    public decimal WalletAmount { get; init; }

    public decimal CardAmount { get; init; }

    public string Currency { get; init; } = string.Empty;

    /// <summary>Where the customer completes the card part; relative URLs are on this API.</summary>
    public string? CheckoutUrl { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<Payment, PaymentDto>()
                .ForMember(d => d.Amount, o => o.MapFrom(p => new Money(p.Amount, p.Currency).ToMajor()))
                .ForMember(d => d.WalletAmount, o => o.MapFrom(p => new Money(p.WalletAmount, p.Currency).ToMajor()))
                .ForMember(d => d.CardAmount, o => o.MapFrom(p => new Money(p.CardAmount, p.Currency).ToMajor()));
        }
    }
}
