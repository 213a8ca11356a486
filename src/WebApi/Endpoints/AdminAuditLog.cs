using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Audit.Queries.GetAuditLog;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Audit;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class AdminAuditLog : EndpointGroup
{
    public override string Prefix => "/api/admin/audit-log";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        group.MapGet(GetAuditLog);
    }

    /// <summary>Read the audit log of denied requests and privileged actions, newest first (Admin).</summary>
    public static async Task<Ok<PaginatedList<AuditEntryDto>>> GetAuditLog(
        IMediator mediator,
        DateTimeOffset? from,
        DateTimeOffset? to,
        AuditKind? kind,
        string? action,
        Guid? userId,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetAuditLogQuery(from, to, kind, action, userId, page, pageSize), cancellationToken));
}
