using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.BoxOffice.Commands.SellAtBoxOffice;
using Ticketing.Application.Bookings;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

/// <summary>An event's box office: walk-in sales.</summary>
public sealed class BoxOffice : EndpointGroup
{
    public override string Prefix => "/api/events/{id}";

    /// <summary>The box office and the door were one group, "Operations": NSwag names the client class after the tag, and OperationsClient stays.</summary>
    public override string Tag => "Operations";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost(SellAtBoxOffice, "box-office/bookings")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
    }

    /// <summary>Sell tickets at the box office, paid in cash on the spot (the organizer or an Admin).</summary>
    public static async Task<Created<BookingDto>> SellAtBoxOffice(IMediator mediator, Guid id, SellAtBoxOfficeCommand command, CancellationToken cancellationToken)
    {
        var booking = await mediator.Send(command with { EventId = id }, cancellationToken);
        return TypedResults.Created($"/api/bookings/{booking.Id}", booking);
    }
}
