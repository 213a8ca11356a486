using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Reports.Queries.GetRevenueReport;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class Reports : EndpointGroup
{
    public override string Prefix => "/api/reports";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        group.MapGet(GetRevenueReport, "revenue");
    }

    /// <summary>Revenue by event, day or payment method: an organizer's own events, every event for an Admin.</summary>
    public static async Task<Ok<IReadOnlyList<RevenueRowDto>>> GetRevenueReport(
        IMediator mediator, DateTimeOffset? from, DateTimeOffset? to, Guid? eventId, string? groupBy, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRevenueReportQuery(from, to, eventId, groupBy), cancellationToken));
}
