using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Queue;
using Ticketing.Application.Queue.Commands.JoinQueue;
using Ticketing.Application.Queue.Commands.LeaveQueue;
using Ticketing.Application.Queue.Queries.GetMyQueueEntry;
using Ticketing.Application.Queue.Queries.GetQueueDraw;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class Queue : EndpointGroup
{
    public override string Prefix => "/api/events/{id}/queue";

    public override void Map(RouteGroupBuilder group)
    {
        group.MapGet(GetQueueDraw, "draw").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var customer = group.MapGroup(string.Empty).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        customer.MapPost(JoinQueue).RateLimited(RateLimiting.QueueJoin).ProducesProblem(StatusCodes.Status409Conflict);
        customer.MapGet(GetMyQueueEntry, "me");
        customer.MapDelete(LeaveQueue, "me");
    }

    /// <summary>Join a queued event's line; the answer says your place and when to poll again.</summary>
    public static async Task<Created<QueueEntryDto>> JoinQueue(IMediator mediator, Guid id, bool? listening, CancellationToken cancellationToken)
    {
        var entry = await mediator.Send(new JoinQueueCommand(id, listening == true), cancellationToken);
        return TypedResults.Created($"/api/events/{id}/queue/me", entry);
    }

    /// <summary>Your place in line, or your admission token once you are admitted.</summary>
    public static async Task<Ok<QueueEntryDto>> GetMyQueueEntry(IMediator mediator, Guid id, bool? listening, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMyQueueEntryQuery(id, listening == true), cancellationToken));

    /// <summary>Leave the line (an unused admission goes to the next fan).</summary>
    public static async Task<NoContent> LeaveQueue(IMediator mediator, Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new LeaveQueueCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The pre-queue draw, once the sale opened: its seed and the order it drew, so anyone can check it.</summary>
    public static async Task<Ok<QueueDrawDto>> GetQueueDraw(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetQueueDrawQuery(id), cancellationToken));
}
