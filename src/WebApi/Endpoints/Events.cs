using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Events;
using Ticketing.Application.Events.Commands.CancelEvent;
using Ticketing.Application.Events.Commands.CreateEvent;
using Ticketing.Application.Events.Commands.EndEvent;
using Ticketing.Application.Events.Commands.PublishEvent;
using Ticketing.Application.Events.Commands.UpdateEvent;
using Ticketing.Application.Events.Queries.GetEvent;
using Ticketing.Application.Events.Queries.GetEvents;
using Ticketing.Application.Events.Queries.GetEventSeats;
using Ticketing.Application.Events.Queries.GetEventStats;
using Ticketing.Domain.Events;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class Events : EndpointGroup
{
    public override string Prefix => "/api/events";

    public override void Map(RouteGroupBuilder group)
    {
        group.MapGet(GetEvents).ProducesValidationProblem();
        group.MapGet(GetEvent, "{id}").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(GetEventSeats, "{id}/seats")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var manage = group.MapGroup(string.Empty).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        manage.MapPost(CreateEvent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPut(UpdateEvent, "{id}")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost(PublishEvent, "{id}/publish").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost(EndEvent, "{id}/end").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost(CancelEvent, "{id}/cancel").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapGet(GetEventStats, "{id}/stats").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Browse events in order of their start; filter by start time and state.</summary>
    public static async Task<Ok<PaginatedList<EventDto>>> GetEvents(
        IMediator mediator,
        DateTimeOffset? from,
        DateTimeOffset? to,
        EventState? state,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetEventsQuery(from, to, state, page, pageSize), cancellationToken));

    /// <summary>One event with its ticket types, prices and what is still available.</summary>
    public static async Task<Ok<EventDto>> GetEvent(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetEventQuery(id), cancellationToken));

    /// <summary>An event's live figures: the line, pending claims, held, sold, available, check-ins and revenue (the organizer or an Admin).</summary>
    public static async Task<Ok<EventStatsDto>> GetEventStats(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetEventStatsQuery(id), cancellationToken));

    /// <summary>A seated event's seat map with each seat's status.</summary>
    public static async Task<Ok<EventSeatMapDto>> GetEventSeats(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetEventSeatsQuery(id), cancellationToken));

    /// <summary>Create a draft event at one of your venues (Organizer).</summary>
    public static async Task<Created<EventDto>> CreateEvent(IMediator mediator, CreateEventCommand command, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/events/{created.Id}", created);
    }

    /// <summary>Change an event: anything while it is a draft, after publishing only its description and prices.</summary>
    public static async Task<Ok<EventDto>> UpdateEvent(IMediator mediator, Guid id, UpdateEventCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Publish a draft: it becomes visible, and its sale opens when due.</summary>
    public static async Task<Ok<EventDto>> PublishEvent(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new PublishEventCommand(id), cancellationToken));

    /// <summary>End an event that is on sale or sold out (the organizer or an Admin).</summary>
    public static async Task<Ok<EventDto>> EndEvent(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new EndEventCommand(id), cancellationToken));

    /// <summary>Cancel an event that has not ended; its bookings are refunded.</summary>
    public static async Task<Ok<EventDto>> CancelEvent(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new CancelEventCommand(id), cancellationToken));
}
