using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Payments;
using Ticketing.Application.Payments.Commands.ReceivePaymentWebhook;
using Ticketing.Application.Payments.Commands.StartClaimPayment;
using Ticketing.Application.Payments.Queries.GetPayment;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class Payments : EndpointGroup
{
    public override string Prefix => "/api";

    public override void Map(RouteGroupBuilder group)
    {
        var signedIn = group.MapGroup(string.Empty).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapPost(StartClaimPayment, "claims/{id}/payments")
            .RequireIdempotencyKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        signedIn.MapGet(GetPayment, "payments/{id}");

        // Gateways sign their notices instead of authenticating; the raw body and every header go to the provider's adapter as sent.
        group.MapPost(ReceivePaymentWebhook, "webhooks/payments/{provider}")
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Pay for a claim by wallet, card or both, with an Idempotency-Key; a card payment answers with the provider's checkoutUrl.</summary>
    public static async Task<Created<PaymentDto>> StartClaimPayment(
        IMediator mediator, Guid id, StartClaimPaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await mediator.Send(command with { ClaimId = id }, cancellationToken);
        return TypedResults.Created($"/api/payments/{payment.Id}", payment);
    }

    /// <summary>One of your payments and its status.</summary>
    public static async Task<Ok<PaymentDto>> GetPayment(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPaymentQuery(id), cancellationToken));

    /// <summary>The payment provider's signed notice of a charge's outcome (called by the provider, not by apps).</summary>
    public static async Task<Ok> ReceivePaymentWebhook(IMediator mediator, string provider, HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var headers = request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await mediator.Send(new ReceivePaymentWebhookCommand(provider, new GatewayWebhook(headers, body.ToArray())), cancellationToken);
        return TypedResults.Ok();
    }
}
