using FluentValidation;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Wallets.Commands.StartWalletTopUp;

public sealed class StartWalletTopUpCommandValidator : AbstractValidator<StartWalletTopUpCommand>
{
    public const decimal MaxTopUp = 10_000m;

    public StartWalletTopUpCommandValidator(IOptions<PaymentOptions> options)
    {
        RuleFor(x => x.Amount).GreaterThan(0).LessThanOrEqualTo(MaxTopUp);
        RuleFor(x => x.Currency).Must(Currencies.IsKnown).When(x => x.Currency is not null).WithMessage("'Currency' must be an ISO 4217 code.");
        RuleFor(x => x.Amount)
            .Must((command, amount) => Currencies.FitsPrecision(amount, command.Currency ?? options.Value.WalletCurrency))
            .When(x => x.Currency is null || Currencies.IsKnown(x.Currency))
            .WithMessage("The amount has more decimals than the currency allows.");
    }
}
