using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Door.Commands.AssignStaff;
using Ticketing.Application.Door.Commands.CheckInTicket;
using Ticketing.Application.Door.Queries.ExportAttendees;
using Ticketing.Application.Door.Queries.GetEventStaff;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

/// <summary>An event's door: its staff, check-ins, the attendee list.</summary>
public sealed class Door : EndpointGroup
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
        group.MapPut(AssignStaff, "staff").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(GetEventStaff, "staff");
        group.MapPost(CheckInTicket, "check-ins").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(ExportAttendees, "attendees.csv").Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    /// <summary>Set who works the event's door (the organizer or an Admin).</summary>
    public static async Task<Ok<IReadOnlyList<StaffMemberDto>>> AssignStaff(IMediator mediator, Guid id, AssignStaffCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { EventId = id }, cancellationToken));

    /// <summary>Who works the event's door.</summary>
    public static async Task<Ok<IReadOnlyList<StaffMemberDto>>> GetEventStaff(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetEventStaffQuery(id), cancellationToken));

    /// <summary>Scan a ticket in at the door: 200 the first time; a second scan is 409 ALREADY_CHECKED_IN with the first time and gate.</summary>
    public static async Task<Ok<CheckInDto>> CheckInTicket(IMediator mediator, Guid id, CheckInTicketCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { EventId = id }, cancellationToken));

    /// <summary>The event's attendees as CSV, one row per ticket (its staff, the organizer or an Admin).</summary>
    public static async Task<FileContentHttpResult> ExportAttendees(IMediator mediator, Guid id, CancellationToken cancellationToken)
    {
        var export = await mediator.Send(new ExportAttendeesQuery(id), cancellationToken);
        return TypedResults.File(export.Csv, "text/csv; charset=utf-8", export.FileName);
    }
}
