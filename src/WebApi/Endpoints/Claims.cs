using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Claims;
using Ticketing.Application.Claims.Commands.CreateClaim;
using Ticketing.Application.Claims.Commands.ReleaseClaim;
using Ticketing.Application.Claims.Queries.GetClaim;
using Ticketing.Application.Claims.Queries.GetMyClaims;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Claims;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

/// <summary>Pending bookings: made under an event, then read and released by their id.</summary>
public sealed class Claims : EndpointGroup
{
    public override string Prefix => "/api";

    public override void Map(RouteGroupBuilder group)
    {
        var signedIn = group.MapGroup(string.Empty).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        signedIn.MapPost(CreateClaim, "events/{id}/claims")
            .RateLimited(RateLimiting.Claims)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        signedIn.MapGet(GetClaim, "claims/{id}");
        signedIn.MapDelete(ReleaseClaim, "claims/{id}").ProducesProblem(StatusCodes.Status409Conflict);
        signedIn.MapGet(GetMyClaims, "me/claims").ProducesValidationProblem();
    }

    /// <summary>Hold tickets for a while: a quantity of a ticket type, or chosen seats, with your admission token if the event is queued.</summary>
    public static async Task<Created<ClaimDto>> CreateClaim(IMediator mediator, Guid id, CreateClaimCommand command, CancellationToken cancellationToken)
    {
        var claim = await mediator.Send(command with { EventId = id }, cancellationToken);
        return TypedResults.Created($"/api/claims/{claim.Id}", claim);
    }

    /// <summary>One of your claims, with its items and when it expires.</summary>
    public static async Task<Ok<ClaimDto>> GetClaim(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetClaimQuery(id), cancellationToken));

    /// <summary>Give a claim's tickets back before it expires.</summary>
    public static async Task<NoContent> ReleaseClaim(IMediator mediator, Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new ReleaseClaimCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Your claims, newest first.</summary>
    public static async Task<Ok<PaginatedList<ClaimDto>>> GetMyClaims(
        IMediator mediator, ClaimStatus? status, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetMyClaimsQuery(status, page, pageSize), cancellationToken));
}
