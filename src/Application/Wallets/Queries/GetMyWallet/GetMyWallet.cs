using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Wallets.Queries.GetMyWallet;

/// <summary>The caller's wallet in <see cref="Currency"/> (default: the account's wallet currency); zero if none opened yet.</summary>
[Authorize]
public sealed record GetMyWalletQuery(string? Currency = null) : IRequest<WalletDto>;

public sealed class GetMyWalletQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IOptions<PaymentOptions> options)
    : IRequestHandler<GetMyWalletQuery, WalletDto>
{
    public async Task<WalletDto> Handle(GetMyWalletQuery request, CancellationToken cancellationToken)
    {
        var currency = request.Currency ?? options.Value.WalletCurrency;
        var balance = await context.Wallets.AsNoTracking()
            .Where(w => w.CustomerId == currentUser.UserId && w.Currency == currency)
            .Select(w => (long?)w.Balance)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;
        return new WalletDto(new Money(balance, currency).ToMajor(), currency);
    }
}
