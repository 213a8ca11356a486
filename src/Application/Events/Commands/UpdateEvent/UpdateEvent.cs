using System.Text.Json.Serialization;
using AutoMapper;
using MediatR;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Events.Commands.UpdateEvent;

/// <summary>
/// Replaces an event's settings. A draft takes any change; once published only the description and ticket
/// prices may differ from what is stored (a price only while nobody holds that type in a pending claim).
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Organizer}")]
public sealed record UpdateEventCommand : EventInput, IRequest<EventDto>
{
    [JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class UpdateEventCommandHandler(
    IApplicationDbContext context, ICurrentUser currentUser, EventPlanner planner, AuditTrail audit, IMapper mapper)
    : IRequestHandler<UpdateEventCommand, EventDto>
{
    public async Task<EventDto> Handle(UpdateEventCommand request, CancellationToken cancellationToken)
    {
        var stored = await context.FindManagedEventAsync(currentUser, request.Id, cancellationToken);

        var details = request.ToDetails();
        // After publishing only the description and prices may change: who changed a price on sale is worth knowing.
        audit.Record("event.updated", stored.Id, $"{stored.Title}, while {stored.State}");
        if (stored.State == EventState.Draft)
        {
            var ticketTypes = await planner.PlanTicketTypesAsync(request, cancellationToken);
            await planner.EnsureVenueIsFreeAsync(request.VenueId, details.Schedule, stored.Id, cancellationToken);
            stored.ReviseDraft(request.VenueId, details, ticketTypes);
        }
        else
        {
            ApplyPublishedChanges(stored, request, details);
        }

        await context.SaveChangesAsync(cancellationToken);
        return await context.GetDtoAsync(mapper, stored.Id, cancellationToken);
    }

    private static void ApplyPublishedChanges(Event stored, UpdateEventCommand request, EventDetails details)
    {
        var frozen = new List<string>();
        void Compare(bool same, string field)
        {
            if (!same)
            {
                frozen.Add(field);
            }
        }

        Compare(stored.Title == details.Title, "title");
        Compare(stored.VenueId == request.VenueId, "venueId");
        Compare(stored.Schedule == details.Schedule, "startsAt/endsAt/saleStartsAt/saleEndsAt");
        Compare(stored.Currency == details.Currency, "currency");
        Compare(stored.Queue == details.Queue, "queue");
        Compare(stored.ClaimTtlMinutes == details.ClaimTtlMinutes, "claimTtlMinutes");
        Compare(stored.MaxTicketsPerCustomer == details.MaxTicketsPerCustomer, "maxTicketsPerCustomer");

        var prices = NewPrices(stored, request, frozen);
        if (frozen.Count > 0)
        {
            throw new DomainException(
                Errors.InvalidState,
                $"The event is {stored.State}: only the description and ticket prices can change now (changed: {string.Join(", ", frozen)}).");
        }

        stored.ChangeDescription(details.Description);
        foreach (var (ticketTypeId, price) in prices)
        {
            stored.ChangePrice(ticketTypeId, price);
        }
    }

    /// <summary>The price asked for each stored ticket type; any other difference in what is sold is frozen.</summary>
    private static List<(Guid TicketTypeId, decimal Price)> NewPrices(Event stored, UpdateEventCommand request, List<string> frozen)
    {
        if (stored.IsSeated)
        {
            return stored.TicketTypes
                .Select(t => (t.Id, Price: t.SeatType == Domain.Venues.SeatType.Standard ? request.SeatPrices?.Standard : request.SeatPrices?.Deluxe))
                .Where(p => p.Price is not null)
                .Select(p => (p.Id, p.Price!.Value))
                .ToList();
        }

        var requested = request.TicketTypes ?? [];
        var matched = stored.TicketTypes
            .Select(t => (Stored: t, Requested: requested.FirstOrDefault(r => r.Id == t.Id)))
            .ToList();
        if (requested.Count != stored.TicketTypes.Count
            || matched.Any(m => m.Requested is null || m.Requested.Name.Trim() != m.Stored.Name || m.Requested.Capacity != m.Stored.Capacity))
        {
            frozen.Add("ticketTypes (only their prices may change; send each with its id)");
        }

        return matched.Where(m => m.Requested is not null).Select(m => (m.Stored.Id, m.Requested!.Price)).ToList();
    }
}
