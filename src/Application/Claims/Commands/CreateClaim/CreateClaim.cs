using System.Text.Json.Serialization;
using AutoMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Queue;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Claims.Commands.CreateClaim;

/// <summary>
/// Holds tickets for the caller until the event's claim TTL runs out: a quantity of a general-admission ticket
/// type, or specific seats (all or nothing). Under a queued event — or while a sold-out waiting list is being
/// served — it takes the caller's own, unexpired admission, which it uses up.
/// </summary>
[Authorize(Roles = Roles.Customer)]
public sealed record CreateClaimCommand : IRequest<ClaimDto>
{
    [JsonIgnore]
    public Guid EventId { get; init; }

    public Guid? TicketTypeId { get; init; }

    public int? Quantity { get; init; }

    public IReadOnlyList<Guid>? SeatIds { get; init; }

    public string? AdmissionToken { get; init; }
}

public sealed class CreateClaimCommandHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    IAdmissionTokens tokens,
    IInventory inventory,
    ClaimRules rules,
    ClaimExpiry expiry,
    EventAvailability availability,
    StockGate gate,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<CreateClaimCommand, ClaimDto>
{
    public async Task<ClaimDto> Handle(CreateClaimCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var customerId = currentUser.UserId!.Value;
        var @event = await LoadEventAsync(request.EventId, cancellationToken);
        if (@event.State == EventState.SoldOut && await FreeOverdueStockAsync(@event.Id, now, cancellationToken))
        {
            @event = await LoadEventAsync(request.EventId, cancellationToken);
        }

        @event.EnsureSelling(now);

        await using var transaction = await context.BeginTransactionAsync(cancellationToken);

        await rules.LockCustomerAsync(@event.Id, customerId, cancellationToken);
        var admission = await UseAdmissionAsync(@event, request.AdmissionToken, customerId, now, cancellationToken);
        var lines = await PlanAsync(@event, request, cancellationToken);
        await EnsureWithinLimitAsync(@event, customerId, lines.Sum(l => l.Quantity), cancellationToken);

        // The claim row first, so held seats can point at it; a failed hold rolls the whole transaction back.
        var claim = Claim.Create(@event.Id, customerId, admission?.Id, lines, now, @event.ClaimTtl);
        context.Claims.Add(claim);
        await context.SaveChangesAsync(cancellationToken);
        bool tookTheLast;
        using (await gate.EnterAsync(@event.Id, cancellationToken))
        {
            tookTheLast = await HoldAsync(@event, claim, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // While other types still have stock the event stays OnSale; only the last tickets of a type can end it.
        if (tookTheLast || @event.State != EventState.OnSale)
        {
            await availability.FollowAsync(@event.Id, cancellationToken);
        }

        return mapper.Map<ClaimDto>(claim);
    }

    private async Task<Event> LoadEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        await context.Events.AsNoTracking().Include(e => e.TicketTypes)
            .SingleOrDefaultAsync(e => e.Id == eventId && e.State != EventState.Draft, cancellationToken)
        ?? throw new NotFoundException("Event");

    /// <summary>"Sold out" may only mean "held by claims nobody paid": expire those before saying 410.</summary>
    private async Task<bool> FreeOverdueStockAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await context.BeginTransactionAsync(cancellationToken);
        var expired = await expiry.ExpireAsync(new OverdueClaims(now, eventId), 100, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (expired.Count > 0)
        {
            await availability.FollowAsync(eventId, cancellationToken);
        }

        return expired.Count > 0;
    }

    private async Task<QueueEntry?> UseAdmissionAsync(
        Event @event, string? token, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await rules.NeedsAdmissionAsync(@event, cancellationToken))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new DomainException(ClaimErrorCodes.AdmissionRequired, "This event admits buyers from its queue: join it and claim with your admission token.");
        }

        var ticket = tokens.Read(token);
        var entry = ticket is null || ticket.EventId != @event.Id || ticket.CustomerId != customerId
            ? null
            : await context.QueueEntries.SingleOrDefaultAsync(q => q.Id == ticket.EntryId, cancellationToken);
        if (entry is null || entry.CustomerId != customerId || entry.AdmissionExpiresAt != ticket!.ExpiresAt || !entry.IsAdmissionValidAt(now))
        {
            throw new DomainException(ClaimErrorCodes.AdmissionInvalid, "The admission token is not valid for you, this event or now.");
        }

        entry.Use(now);
        return entry;
    }

    private async Task<IReadOnlyList<ClaimLine>> PlanAsync(Event @event, CreateClaimCommand request, CancellationToken cancellationToken)
    {
        if (request.SeatIds is { Count: > 0 } seatIds)
        {
            if (!@event.IsSeated)
            {
                throw new ValidationException(nameof(request.SeatIds), "This is a general-admission event: claim a ticket type and quantity.");
            }

            var seats = await context.EventSeats.AsNoTracking()
                .Where(s => s.EventId == @event.Id && seatIds.Contains(s.Id))
                .Select(s => new { s.Id, s.TicketTypeId })
                .ToListAsync(cancellationToken);
            var unknown = seatIds.Except(seats.Select(s => s.Id)).ToList();
            if (unknown.Count > 0)
            {
                throw new ValidationException(nameof(request.SeatIds), $"Not seats of this event: {string.Join(", ", unknown)}.");
            }

            return seats.GroupBy(s => s.TicketTypeId)
                .Select(g => new ClaimLine(g.Key, g.Count(), @event.TicketTypes.Single(t => t.Id == g.Key).Price, g.Select(s => s.Id).ToList()))
                .ToList();
        }

        var ticketType = @event.TicketTypes.SingleOrDefault(t => t.Id == request.TicketTypeId)
            ?? throw new ValidationException(nameof(request.TicketTypeId), "Not a ticket type of this event.");
        if (ticketType.SeatType is not null)
        {
            throw new ValidationException(nameof(request.SeatIds), "This is a seated event: claim specific seats.");
        }

        return [new ClaimLine(ticketType.Id, request.Quantity!.Value, ticketType.Price, [])];
    }

    private async Task EnsureWithinLimitAsync(Event @event, Guid customerId, int requested, CancellationToken cancellationToken)
    {
        var already = await rules.HeldOrBoughtAsync(@event.Id, customerId, cancellationToken);
        if (already + requested > @event.MaxTicketsPerCustomer)
        {
            throw new DomainException(
                ClaimErrorCodes.LimitExceeded,
                $"At most {@event.MaxTicketsPerCustomer} tickets per customer; you hold or bought {already}.");
        }
    }

    /// <summary>Takes the claim's stock, or throws; true when it took the last tickets of a type.</summary>
    private async Task<bool> HoldAsync(Event @event, Claim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (claim.IsSeated)
        {
            var seatIds = claim.Items.SelectMany(i => i.SeatIds).ToList();
            if (await inventory.HoldSeatsAsync(@event.Id, claim.Id, seatIds, cancellationToken) == 0)
            {
                await expiry.ExpireAsync(new OverdueClaims(now, @event.Id, SeatIds: seatIds), 100, cancellationToken);
                if (await inventory.HoldSeatsAsync(@event.Id, claim.Id, seatIds, cancellationToken) == 0)
                {
                    var lost = await inventory.UnavailableSeatsAsync(@event.Id, seatIds, cancellationToken);
                    throw new DomainException(ClaimErrorCodes.SeatsUnavailable, $"These seats are taken: {string.Join(", ", lost)}.");
                }
            }
        }

        var tookTheLast = false;
        foreach (var item in claim.Items)
        {
            var left = await inventory.TryHoldAsync(item.TicketTypeId, item.Quantity, cancellationToken);
            if (left is null)
            {
                await expiry.ExpireAsync(new OverdueClaims(now, @event.Id, item.TicketTypeId), 100, cancellationToken);
                left = await inventory.TryHoldAsync(item.TicketTypeId, item.Quantity, cancellationToken);
            }

            if (left is null)
            {
                var available = await inventory.AvailableOfTypeAsync(item.TicketTypeId, cancellationToken);
                throw available == 0
                    ? new DomainException(ClaimErrorCodes.SoldOut, "This ticket type is sold out.")
                    : new DomainException(ClaimErrorCodes.InsufficientInventory, $"Only {available} left of this ticket type.");
            }

            tookTheLast |= left == 0;
        }

        return tookTheLast;
    }
}
