using FluentValidation;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Wallets.Queries.GetMyWallet;

public sealed class GetMyWalletQueryValidator : AbstractValidator<GetMyWalletQuery>
{
    public GetMyWalletQueryValidator() =>
        RuleFor(x => x.Currency).Must(Currencies.IsKnown).When(x => x.Currency is not null).WithMessage("'Currency' must be an ISO 4217 code.");
}
