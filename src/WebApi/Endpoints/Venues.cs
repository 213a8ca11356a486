using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Venues;
using Ticketing.Application.Venues.Commands.CreateVenue;
using Ticketing.Application.Venues.Queries.GetVenue;
using Ticketing.Application.Venues.Queries.GetVenues;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

/// <summary>Organizers and Admins; a venue belongs to the organizer who created it.</summary>
public sealed class Venues : EndpointGroup
{
    public override string Prefix => "/api/venues";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost(CreateVenue).ProducesValidationProblem();
        group.MapGet(GetVenues).ProducesValidationProblem();
        group.MapGet(GetVenue, "{id}").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Create a venue with its sections, rows and seats (Organizer).</summary>
    public static async Task<Created<VenueDto>> CreateVenue(IMediator mediator, CreateVenueCommand command, CancellationToken cancellationToken)
    {
        var venue = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/venues/{venue.Id}", venue);
    }

    /// <summary>Your venues (every venue for an Admin).</summary>
    public static async Task<Ok<PaginatedList<VenueSummaryDto>>> GetVenues(
        IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetVenuesQuery(page, pageSize), cancellationToken));

    /// <summary>One venue with its seating plan.</summary>
    public static async Task<Ok<VenueDto>> GetVenue(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetVenueQuery(id), cancellationToken));
}
