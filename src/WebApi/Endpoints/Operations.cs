using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.BoxOffice.Commands.SellAtBoxOffice;
using Ticketing.Application.Bookings;
using Ticketing.Application.Door.Commands.AssignStaff;
using Ticketing.Application.Door.Commands.CheckInTicket;
using Ticketing.Application.Door.Queries.ExportAttendees;
using Ticketing.Application.Door.Queries.GetEventStaff;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

/// <summary>An event's box office and door: walk-in sales, door staff, check-ins, the attendee list.</summary>
public sealed class Operations : EndpointGroup
{
    public override string Prefix => "/api/events/{id}";

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
        group.MapPut(AssignStaff, "staff").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(GetEventStaff, "staff");
        group.MapPost(CheckInTicket, "check-ins").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(ExportAttendees, "attendees.csv").Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    public static async Task<Created<BookingDto>> SellAtBoxOffice(IMediator mediator, Guid id, SellAtBoxOfficeCommand command, CancellationToken cancellationToken)
    {
        var booking = await mediator.Send(command with { EventId = id }, cancellationToken);
        return TypedResults.Created($"/api/bookings/{booking.Id}", booking);
    }

    public static async Task<Ok<IReadOnlyList<StaffMemberDto>>> AssignStaff(IMediator mediator, Guid id, AssignStaffCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { EventId = id }, cancellationToken));

    public static async Task<Ok<IReadOnlyList<StaffMemberDto>>> GetEventStaff(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetEventStaffQuery(id), cancellationToken));

    public static async Task<Ok<CheckInDto>> CheckInTicket(IMediator mediator, Guid id, CheckInTicketCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { EventId = id }, cancellationToken));

    public static async Task<FileContentHttpResult> ExportAttendees(IMediator mediator, Guid id, CancellationToken cancellationToken)
    {
        var export = await mediator.Send(new ExportAttendeesQuery(id), cancellationToken);
        return TypedResults.File(export.Csv, "text/csv; charset=utf-8", export.FileName);
    }
}
