using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Bookings;
using Ticketing.Application.Bookings.Commands.CancelBooking;
using Ticketing.Application.Bookings.Queries.GetBooking;
using Ticketing.Application.Bookings.Queries.GetMyBookings;
using Ticketing.Application.Bookings.Queries.GetTicketQr;
using Ticketing.Application.Common.Models;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class Bookings : EndpointGroup
{
    public override string Prefix => "/api";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(GetMyBookings, "me/bookings").ProducesValidationProblem();
        group.MapGet(GetBooking, "bookings/{id}");
        group.MapPost(CancelBooking, "bookings/{id}/cancel").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(GetTicketQr, "tickets/{id}/qr")
            .Produces<Stream>(StatusCodes.Status200OK, "image/png")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Your bookings with their tickets, newest first.</summary>
    public static async Task<Ok<PaginatedList<BookingDto>>> GetMyBookings(
        IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetMyBookingsQuery(page, pageSize), cancellationToken));

    /// <summary>One booking: the customer's own, or of an event you organize or work.</summary>
    public static async Task<Ok<BookingDto>> GetBooking(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetBookingQuery(id), cancellationToken));

    /// <summary>Cancel a booking: its unused tickets are void, their stock goes back on sale and their prices to the customer's wallet.</summary>
    public static async Task<Ok<BookingDto>> CancelBooking(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new CancelBookingCommand(id), cancellationToken));

    /// <summary>A ticket's QR code as a PNG, for the door to scan.</summary>
    public static async Task<FileContentHttpResult> GetTicketQr(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.File(await mediator.Send(new GetTicketQrQuery(id), cancellationToken), "image/png");
}
