using System.Text.Json.Serialization;
using AutoMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Inventory;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Claims.Commands.CreateClaim;

/// <summary>
/// Holds tickets for the caller until the event's claim TTL runs out: a quantity of a general-admission ticket
/// type, or specific seats (all or nothing). Under a queued event — or while a sold-out waiting list is being
/// served — it takes the caller's own, unexpired admission, which it uses up. The taking itself joins a batch
/// (<see cref="ClaimBatcher"/>).
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
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    IAdmissionTokens tokens,
    ClaimRules rules,
    ClaimExpiry expiry,
    StockTaker stock,
    ClaimBatcher batcher,
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
        var admission = await ReadAdmissionAsync(@event, request.AdmissionToken, customerId, cancellationToken);
        var lines = await stock.PlanAsync(@event, request.TicketTypeId, request.Quantity, request.SeatIds, "claim", cancellationToken);

        // Not cancellable once enqueued: the batch finishes the claim whether or not the client is still there.
        var claim = await batcher.ClaimAsync(new ClaimRequest(@event, customerId, lines, admission, now));
        return mapper.Map<ClaimDto>(claim);
    }

    private async Task<Event> LoadEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        await context.Events.AsNoTracking().Include(e => e.TicketTypes)
            .SingleOrDefaultAsync(e => e.Id == eventId && e.State != EventState.Draft, cancellationToken)
        ?? throw new NotFoundException("Event");

    /// <summary>"Sold out" may only mean "held by claims nobody paid": expire those before saying 410.</summary>
    private async Task<bool> FreeOverdueStockAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var expired = await expiry.ExpireAsync(new OverdueClaims(now, eventId), 100, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expired.Count > 0;
    }

    /// <summary>The admission the claim must use, as far as the token alone tells; its entry is checked in the batch (<see cref="Domain.Queue.QueueEntry.UseFor"/>).</summary>
    private async Task<AdmissionTicket?> ReadAdmissionAsync(Event @event, string? token, Guid customerId, CancellationToken cancellationToken)
    {
        if (!await rules.NeedsAdmissionAsync(@event, cancellationToken))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new DomainException(Errors.AdmissionRequired, "This event admits buyers from its queue: join it and claim with your admission token.");
        }

        var ticket = tokens.Read(token);
        return ticket is not null && ticket.EventId == @event.Id && ticket.CustomerId == customerId
            ? ticket
            : throw new DomainException(Errors.AdmissionInvalid, "The admission token is not valid for you, this event or now.");
    }
}
