using Ticketing.Domain.Common;

namespace Ticketing.Domain.Claims;

/// <summary>
/// A pending booking: inventory held for one customer until <see cref="ExpiresAt"/>.
/// Pending → Confirmed (paid) | Released (by the customer, or the payment failed) | Expired (TTL). The inventory a
/// claim holds comes back exactly once, when it leaves Pending for anything but Confirmed.
/// </summary>
public sealed class Claim : Entity, IAggregateRoot
{
    private readonly List<ClaimItem> _items = [];

    private Claim()
    {
        Currency = string.Empty;
    }

    public Guid EventId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The admission it was made with, for a queued event.</summary>
    public Guid? QueueEntryId { get; private set; }

    public ClaimStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the customer was told the claim is about to expire (once).</summary>
    public DateTimeOffset? ExpiryWarnedAt { get; private set; }

    public string Currency { get; private set; }

    public IReadOnlyList<ClaimItem> Items => _items.AsReadOnly();

    /// <summary>The stock the claim holds, per ticket type: what goes back or becomes sold when it ends.</summary>
    public IReadOnlyList<(Guid TicketTypeId, int Quantity)> StockLines => _items.Select(i => (i.TicketTypeId, i.Quantity)).ToList();

    public Money Total => _items.Aggregate(Money.Zero(Currency), (sum, item) => sum + item.Subtotal);

    public int Quantity => _items.Sum(i => i.Quantity);

    public bool IsSeated => _items.Any(i => i.SeatIds.Count > 0);

    public static Claim Create(
        Guid eventId, Guid customerId, Guid? queueEntryId, IReadOnlyList<ClaimLine> lines, DateTimeOffset now, TimeSpan ttl)
    {
        if (lines.Count == 0 || lines.Any(l => l.Quantity < 1))
        {
            throw new DomainException(Errors.ValidationError, "A claim needs at least one ticket.");
        }

        var currency = lines[0].UnitPrice.Currency;
        if (lines.Any(l => l.UnitPrice.Currency != currency))
        {
            throw new DomainException(Errors.ValidationError, "A claim is in one currency.");
        }

        var claim = new Claim
        {
            EventId = eventId,
            CustomerId = customerId,
            QueueEntryId = queueEntryId,
            Status = ClaimStatus.Pending,
            CreatedAt = now,
            ExpiresAt = now + ttl,
            Currency = currency,
        };
        claim._items.AddRange(lines.Select(l => new ClaimItem(claim.Id, l.TicketTypeId, l.Quantity, l.UnitPrice, l.SeatIds)));
        claim.AddDomainEvent(new ClaimCreatedEvent(claim.Id, eventId, customerId, claim.Quantity));
        return claim;
    }

    public bool IsOverdueAt(DateTimeOffset now) => Status == ClaimStatus.Pending && now >= ExpiresAt;

    /// <summary>A payment may start now: CLAIM_EXPIRED once its time is up (swept or not), INVALID_STATE once it ended otherwise.</summary>
    public void EnsurePayable(DateTimeOffset now)
    {
        if (Status == ClaimStatus.Expired || IsOverdueAt(now))
        {
            throw new DomainException(Errors.ClaimExpired, "The claim has expired; claim the tickets again.");
        }

        if (Status != ClaimStatus.Pending)
        {
            throw new DomainException(Errors.InvalidState, $"The claim is {Status}.");
        }
    }

    /// <summary>The customer lets go (or the payment failed): the inventory goes back at once.</summary>
    public void Release(DateTimeOffset now)
    {
        Ensure("release", ClaimStatus.Pending);
        Status = ClaimStatus.Released;
        EndedAt = now;
        AddDomainEvent(new ClaimEndedEvent(Id, EventId, CustomerId, Status, Quantity));
    }

    public void Expire(DateTimeOffset now)
    {
        Ensure("expire", ClaimStatus.Pending);
        if (!IsOverdueAt(now))
        {
            throw new DomainException(Errors.InvalidState, $"The claim holds its tickets until {ExpiresAt.ToIso()}.");
        }

        Status = ClaimStatus.Expired;
        EndedAt = now;
        AddDomainEvent(new ClaimEndedEvent(Id, EventId, CustomerId, Status, Quantity));
    }

    /// <summary>Tells the customer, once, that the claim runs out within <paramref name="notice"/>.</summary>
    public void WarnIfExpiringWithin(TimeSpan notice, DateTimeOffset now)
    {
        if (Status == ClaimStatus.Pending && ExpiryWarnedAt is null && now < ExpiresAt && ExpiresAt - now <= notice)
        {
            ExpiryWarnedAt = now;
            AddDomainEvent(new ClaimExpiringEvent(Id, CustomerId, ExpiresAt));
        }
    }

    /// <summary>Paid: what it held is now sold.</summary>
    public void Confirm(DateTimeOffset now)
    {
        Ensure("confirm", ClaimStatus.Pending);
        Status = ClaimStatus.Confirmed;
        EndedAt = now;
        AddDomainEvent(new ClaimEndedEvent(Id, EventId, CustomerId, Status, Quantity));
    }

    /// <summary>
    /// A payment captured after the claim had expired or been released, whose stock could be taken again: the claim
    /// is confirmed after all, so the captured money ends as a booking (invariant 8).
    /// </summary>
    public void ConfirmAfterLatePayment(DateTimeOffset now)
    {
        if (Status is not (ClaimStatus.Expired or ClaimStatus.Released))
        {
            throw new DomainException(Errors.InvalidState, $"A late payment confirms an ended claim, not one that is {Status}.");
        }

        Status = ClaimStatus.Confirmed;
        EndedAt = now;
        AddDomainEvent(new ClaimEndedEvent(Id, EventId, CustomerId, Status, Quantity));
    }

    private void Ensure(string action, ClaimStatus allowed)
    {
        if (Status != allowed)
        {
            throw new DomainException(
                Status == ClaimStatus.Expired ? Errors.ClaimExpired : Errors.InvalidState,
                $"Cannot {action} a claim that is {Status}.");
        }
    }
}

/// <summary>What a claim is for: a quantity of a ticket type at its current price, and the seats when seated.</summary>
public sealed record ClaimLine(Guid TicketTypeId, int Quantity, Money UnitPrice, IReadOnlyList<Guid> SeatIds);
