using AutoMapper;
using Ticketing.Domain.Common;
using Ticketing.Domain.Wallets;

namespace Ticketing.Application.Wallets;

/// <param name="Balance">Major units with the currency's decimals.</param>
public sealed record WalletDto(decimal Balance, string Currency);

public sealed class WalletTransactionDto
{
    public Guid Id { get; init; }

    public WalletTransactionType Type { get; init; }

    /// <summary>Major units: what moved, and the balance right after it.</summary>
    public decimal Amount { get; init; }

    public decimal BalanceAfter { get; init; }

    public string Currency { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;

    public string Reference { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            string currency = null!;
            CreateMap<WalletTransaction, WalletTransactionDto>()
                .ForMember(d => d.Currency, o => o.MapFrom(_ => currency))
                .ForMember(d => d.Amount, o => o.MapFrom(t => new Money(t.Amount, currency).ToMajor()))
                .ForMember(d => d.BalanceAfter, o => o.MapFrom(t => new Money(t.BalanceAfter, currency).ToMajor()));
        }
    }
}
