using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Payments;
using Ticketing.Application.Wallets;
using Ticketing.Application.Wallets.Commands.StartWalletTopUp;
using Ticketing.Application.Wallets.Queries.GetMyWallet;
using Ticketing.Application.Wallets.Queries.GetMyWalletTransactions;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class Wallet : EndpointGroup
{
    public override string Prefix => "/api/me/wallet";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem();
        group.MapGet(GetMyWallet);
        group.MapGet(GetMyWalletTransactions, "transactions");
        group.MapPost(StartWalletTopUp, "top-ups")
            .RequireIdempotencyKey()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Your wallet balance per currency.</summary>
    public static async Task<Ok<WalletDto>> GetMyWallet(IMediator mediator, string? currency, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMyWalletQuery(currency), cancellationToken));

    /// <summary>Your wallet's ledger: every credit and debit, newest first.</summary>
    public static async Task<Ok<PaginatedList<WalletTransactionDto>>> GetMyWalletTransactions(
        IMediator mediator, string? currency, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetMyWalletTransactionsQuery(currency, page, pageSize), cancellationToken));

    /// <summary>Put money in your wallet by card, with an Idempotency-Key; answers with the checkoutUrl.</summary>
    public static async Task<Created<PaymentDto>> StartWalletTopUp(IMediator mediator, StartWalletTopUpCommand command, CancellationToken cancellationToken)
    {
        var payment = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/payments/{payment.Id}", payment);
    }
}
