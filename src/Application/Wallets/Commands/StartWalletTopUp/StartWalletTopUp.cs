using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Payments;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Wallets.Commands.StartWalletTopUp;

/// <summary>Adds money to the wallet by card: a checkout to complete; the gateway's webhook credits the wallet, once.</summary>
[Authorize(Roles = Domain.Accounts.Roles.Customer)]
public sealed record StartWalletTopUpCommand(decimal Amount, string? Currency = null) : IRequest<PaymentDto>;

public sealed class StartWalletTopUpCommandHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    IPaymentGateways gateways,
    IIdentityService identity,
    IOptions<PaymentOptions> options,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<StartWalletTopUpCommand, PaymentDto>
{
    public async Task<PaymentDto> Handle(StartWalletTopUpCommand request, CancellationToken cancellationToken)
    {
        var gateway = gateways.Default;
        var amount = Money.FromMajor(request.Amount, request.Currency ?? options.Value.WalletCurrency);
        var payment = Payment.ForTopUp(currentUser.UserId!.Value, amount, gateway.Name, timeProvider.GetUtcNow());
        context.Payments.Add(payment);
        await context.SaveChangesAsync(cancellationToken);

        var customer = await identity.FindUserAsync(payment.CustomerId, cancellationToken);
        try
        {
            var checkout = await gateway.InitializeAsync(new GatewayCharge(payment.Reference, payment.CardAmount, payment.Currency, customer!.Email), cancellationToken);
            payment.RecordCheckout(checkout.CheckoutUrl);
        }
        catch (PaymentGatewayException)
        {
            payment.Fail(timeProvider.GetUtcNow(), "The payment provider could not start the checkout.");
            await context.SaveChangesAsync(cancellationToken);
            throw;
        }

        await context.SaveChangesAsync(cancellationToken);
        return await context.Payments.AsNoTracking().Where(p => p.Id == payment.Id)
            .ProjectTo<PaymentDto>(mapper.ConfigurationProvider).SingleAsync(cancellationToken);
    }
}
