using System.Text.Json.Serialization;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments.Commands.StartClaimPayment;

/// <summary>
/// Pays a pending claim. Wallet: debited at once and the claim becomes a booking. Card: a checkout to complete, the
/// booking follows the gateway's webhook. Split: the wallet pays what it can now, the card the rest; if the card
/// part fails, the wallet part comes back.
/// </summary>
[Authorize(Roles = Roles.Customer)]
public sealed record StartClaimPaymentCommand(ClaimPaymentMethod Method) : IRequest<PaymentDto>
{
    [JsonIgnore]
    public Guid ClaimId { get; init; }
}

/// <summary>How a customer may pay a claim: the payment methods less Cash, which only the box office takes.</summary>
public enum ClaimPaymentMethod
{
    Card,
    Wallet,
    Split,
}

public sealed class StartClaimPaymentCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    IClaimRows claims,
    IWalletLedger wallets,
    IPaymentGateways gateways,
    IIdentityService identity,
    PaymentSettlement settlement,
    PaymentVerification verification,
    TimeProvider timeProvider,
    IMapper mapper,
    ILogger<StartClaimPaymentCommandHandler> logger) : IRequestHandler<StartClaimPaymentCommand, PaymentDto>
{
    public async Task<PaymentDto> Handle(StartClaimPaymentCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        Payment payment;
        await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
        {
            var claim = await claims.LockAsync(request.ClaimId, cancellationToken);
            if (claim is null || claim.CustomerId != currentUser.UserId)
            {
                throw new NotFoundException("Claim");
            }

            claim.EnsurePayable(now);
            if (await context.Payments.AnyAsync(p => p.ClaimId == claim.Id && p.Status == PaymentStatus.Pending, cancellationToken))
            {
                throw new DomainException(Errors.InvalidState, "A payment for this claim is already under way; complete it or wait for it to fail.");
            }

            var wallet = await wallets.WalletOfAsync(claim.CustomerId, claim.Currency, cancellationToken);
            var method = request.Method switch
            {
                ClaimPaymentMethod.Card => PaymentMethod.Card,
                ClaimPaymentMethod.Wallet => PaymentMethod.Wallet,
                ClaimPaymentMethod.Split => PaymentMethod.Split,
                _ => throw new ValidationException(nameof(StartClaimPaymentCommand.Method), "Pay by Card, Wallet or Split."),
            };
            var walletPart = await WalletPartAsync(method, claim, cancellationToken);
            var cardProvider = walletPart == claim.Total ? null : gateways.Default.Name;
            payment = Payment.ForClaim(claim.CustomerId, claim.Id, claim.Total, method, walletPart, cardProvider, now);
            context.Payments.Add(payment);
            if (walletPart.Amount > 0
                && await wallets.TryDebitAsync(wallet, walletPart.Amount, "Tickets", $"payment:{payment.Id}:wallet", cancellationToken) is null)
            {
                throw new DomainException(Errors.InsufficientFunds, $"The wallet holds less than {walletPart}.");
            }

            var moves = new StockMoves();
            if (!payment.NeedsCard)
            {
                await settlement.BookAsync(claim, payment, moves, cancellationToken);
            }

            await settlement.SaveAndCommitAsync(transaction, moves, cancellationToken);
        }

        // Paid by wallet, the stock went from held to sold: what is available did not change.
        if (payment.NeedsCard)
        {
            await StartCheckoutAsync(payment, cancellationToken);
        }

        return await context.Payments.AsNoTracking().Where(p => p.Id == payment.Id)
            .ProjectTo<PaymentDto>(mapper.ConfigurationProvider).SingleAsync(cancellationToken);
    }

    private async Task<Money> WalletPartAsync(PaymentMethod method, Claim claim, CancellationToken cancellationToken)
    {
        switch (method)
        {
            case PaymentMethod.Card:
                return Money.Zero(claim.Currency);
            case PaymentMethod.Wallet:
                return claim.Total;
            case PaymentMethod.Split:
                var balance = await context.Wallets.Where(w => w.CustomerId == claim.CustomerId && w.Currency == claim.Currency)
                    .Select(w => w.Balance).SingleAsync(cancellationToken);
                return new Money(Math.Min(balance, claim.Total.Amount), claim.Currency);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Only Card, Wallet or Split come from a customer.");
        }
    }

    /// <summary>After the commit: the gateway call is slow and external, so it never runs inside a transaction.</summary>
    private async Task StartCheckoutAsync(Payment payment, CancellationToken cancellationToken)
    {
        var customer = await identity.FindUserAsync(payment.CustomerId, cancellationToken);
        var tracked = await context.Payments.SingleAsync(p => p.Id == payment.Id, cancellationToken);
        try
        {
            var checkout = await gateways.Find(payment.Provider!)!.InitializeAsync(
                new GatewayCharge(payment.Reference, payment.CardAmount, payment.Currency, customer!.Email), cancellationToken);
            tracked.RecordCheckout(checkout.CheckoutUrl);
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            logger.LogWarning(ex, "Payment {Reference}: the gateway would not start a checkout", payment.Reference);
            context.DiscardTrackedChanges();
            if (!await verification.GiveUpUnstartedAsync(payment, cancellationToken))
            {
                throw;
            }
        }
    }
}
