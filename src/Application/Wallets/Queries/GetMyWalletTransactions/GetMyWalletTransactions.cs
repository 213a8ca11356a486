using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Wallets.Queries.GetMyWalletTransactions;

/// <summary>The caller's wallet ledger in one currency, newest first.</summary>
[Authorize]
public sealed record GetMyWalletTransactionsQuery(string? Currency = null, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IRequest<PaginatedList<WalletTransactionDto>>;

public sealed class GetMyWalletTransactionsQueryHandler(
    IApplicationDbContext context, ICurrentUser currentUser, IOptions<PaymentOptions> options, IMapper mapper)
    : IRequestHandler<GetMyWalletTransactionsQuery, PaginatedList<WalletTransactionDto>>
{
    public Task<PaginatedList<WalletTransactionDto>> Handle(GetMyWalletTransactionsQuery request, CancellationToken cancellationToken)
    {
        var currency = request.Currency ?? options.Value.WalletCurrency;
        var walletIds = context.Wallets.Where(w => w.CustomerId == currentUser.UserId && w.Currency == currency).Select(w => w.Id);
        return PaginatedList<WalletTransactionDto>.CreateAsync(
            context.WalletTransactions.Where(t => walletIds.Contains(t.WalletId))
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                .ProjectTo<WalletTransactionDto>(mapper.ConfigurationProvider, new { currency }),
            request.Page,
            request.PageSize,
            cancellationToken);
    }
}
