using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Payments;
using Ticketing.Application.Payments.Queries.GetMoneyAudit;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class AdminMoneyAudit : EndpointGroup
{
    public override string Prefix => "/api/admin/money-audit";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet(GetMoneyAudit);
    }

    /// <summary>Check that every captured unit of money ended as a booking, a wallet credit or a refund (Admin).</summary>
    public static async Task<Ok<MoneyAuditDto>> GetMoneyAudit(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMoneyAuditQuery(), cancellationToken));
}
