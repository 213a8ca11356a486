using FluentValidation;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Wallets.Queries.GetMyWalletTransactions;

public sealed class GetMyWalletTransactionsQueryValidator : AbstractValidator<GetMyWalletTransactionsQuery>
{
    public GetMyWalletTransactionsQueryValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Currency).Must(Currencies.IsKnown).When(x => x.Currency is not null).WithMessage("'Currency' must be an ISO 4217 code.");
    }
}
