using Ticketing.Domain.Common;
using Ticketing.Domain.Queue;

namespace Ticketing.Domain.Events;

/// <summary>
/// An event and its state machine: Draft → Scheduled → OnSale ⇄ SoldOut → Ended; Draft, Scheduled, OnSale and
/// SoldOut → Cancelled. Every other transition is refused with INVALID_STATE, never ignored.
/// </summary>
public sealed class Event : AuditableEntity, IAggregateRoot
{
    private readonly List<TicketType> _ticketTypes = [];
    private List<Guid> _staffIds = [];

    private Event()
    {
        Title = Description = Currency = string.Empty;
        Queue = QueueSettings.Off;
    }

    public Guid OrganizerId { get; private set; }

    public Guid? VenueId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public DateTimeOffset SaleStartsAt { get; private set; }

    public DateTimeOffset? SaleEndsAt { get; private set; }

    /// <summary>Set only when the organizer chose it; <see cref="EventSchedule.Doors"/> applies the default.</summary>
    public DateTimeOffset? DoorsOpenAt { get; private set; }

    public DateTimeOffset? DoorsCloseAt { get; private set; }

    public string Currency { get; private set; }

    public QueueSettings Queue { get; private set; }

    public int ClaimTtlMinutes { get; private set; }

    public int MaxTicketsPerCustomer { get; private set; }

    public EventState State { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When tickets first went on sale; from then on the queue seed is public.</summary>
    public DateTimeOffset? SaleOpenedAt { get; private set; }

    /// <summary>The pre-queue draw's secret, drawn at publish (see <see cref="PreQueueDraw"/>).</summary>
    public byte[]? QueueSeed { get; private set; }

    /// <summary>SHA-256 of <see cref="QueueSeed"/>, public from publish on, so the draw cannot be changed later.</summary>
    public string? QueueSeedHash { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public IReadOnlyList<TicketType> TicketTypes => _ticketTypes.AsReadOnly();

    /// <summary>Door staff assigned to this event: they check tickets in and read the attendee list.</summary>
    public IReadOnlyList<Guid> StaffIds => _staffIds.AsReadOnly();

    public bool IsSeated => VenueId is not null;

    public EventSchedule Schedule => new(StartsAt, EndsAt, SaleStartsAt, SaleEndsAt, DoorsOpenAt, DoorsCloseAt);

    /// <summary>Published and not cancelled: it holds its venue's time slot.</summary>
    public bool OccupiesVenue => State is not (EventState.Draft or EventState.Cancelled);

    public static Event CreateDraft(Guid organizerId, Guid? venueId, EventDetails details, IReadOnlyList<TicketTypePlan> ticketTypes)
    {
        var created = new Event { OrganizerId = organizerId, VenueId = venueId, State = EventState.Draft };
        created.Apply(details);
        created.ReplaceTicketTypes(ticketTypes);
        return created;
    }

    /// <summary>While a draft, anything may change, the venue and what it sells included.</summary>
    public void ReviseDraft(Guid? venueId, EventDetails details, IReadOnlyList<TicketTypePlan> ticketTypes)
    {
        EnsureState("revise every field of", EventState.Draft);
        VenueId = venueId;
        Apply(details);
        ReplaceTicketTypes(ticketTypes);
    }

    public void ChangeDescription(string description)
    {
        EnsureState("change the description of", EventState.Draft, EventState.Scheduled, EventState.OnSale, EventState.SoldOut);
        Description = description;
    }

    public void ChangePrice(Guid ticketTypeId, decimal price)
    {
        EnsureState("change prices of", EventState.Draft, EventState.Scheduled, EventState.OnSale, EventState.SoldOut);
        var ticketType = _ticketTypes.SingleOrDefault(t => t.Id == ticketTypeId)
            ?? throw new DomainException(Errors.ValidationError, $"Ticket type {ticketTypeId} is not part of this event.");
        ticketType.ChangePrice(ToMoney(price, ticketType.Name));
    }

    /// <summary>Goes on sale at once when the sale window is open, else waits as Scheduled (pre-queue open).</summary>
    public void Publish(DateTimeOffset now, byte[] queueSeed)
    {
        if (queueSeed.Length != PreQueueDraw.SeedLength)
        {
            throw new ArgumentException($"The queue seed is {PreQueueDraw.SeedLength} bytes.", nameof(queueSeed));
        }

        EnsureState("publish", EventState.Draft);
        if (now >= EndsAt)
        {
            throw new DomainException(Errors.InvalidState, "The event is already over; it cannot be published.");
        }

        if (SaleEndsAt is { } saleEnds && now >= saleEnds)
        {
            throw new DomainException(Errors.InvalidState, "The sale window has already closed; move it before publishing.");
        }

        QueueSeed = queueSeed;
        QueueSeedHash = PreQueueDraw.Commitment(queueSeed);
        PublishedAt = now;
        State = EventState.Scheduled;
        if (now >= SaleStartsAt)
        {
            State = EventState.OnSale;
            SaleOpenedAt = now;
        }

        AddDomainEvent(new EventPublishedEvent(Id, State));
    }

    public void OpenSale(DateTimeOffset now)
    {
        EnsureState("open the sale of", EventState.Scheduled);
        if (now < SaleStartsAt)
        {
            throw new DomainException(Errors.InvalidState, $"The sale opens at {SaleStartsAt.ToIso()}.");
        }

        State = EventState.OnSale;
        SaleOpenedAt = now;
        AddDomainEvent(new EventSaleOpenedEvent(Id));
    }

    public void MarkSoldOut()
    {
        EnsureState("mark as sold out", EventState.OnSale);
        State = EventState.SoldOut;
        AddDomainEvent(new EventSoldOutEvent(Id));
    }

    public void ReturnToSale()
    {
        EnsureState("return to sale", EventState.SoldOut);
        State = EventState.OnSale;
        AddDomainEvent(new EventBackOnSaleEvent(Id));
    }

    /// <summary>
    /// Replaces the door staff; the caller checks that each is a Staff user. Once the event is over its door is
    /// shut: staff can still be taken off it (nobody keeps powers over an old event), never put on.
    /// </summary>
    public void AssignStaff(IEnumerable<Guid> userIds)
    {
        var assigned = userIds.Distinct().ToList();
        if (!(State is EventState.Ended or EventState.Cancelled && assigned.All(_staffIds.Contains)))
        {
            EnsureState("assign staff to", EventState.Draft, EventState.Scheduled, EventState.OnSale, EventState.SoldOut);
        }

        _staffIds = assigned;
    }

    public bool IsStaffedBy(Guid userId) => _staffIds.Contains(userId);

    /// <summary>The box office sells while the event is published and not over (Scheduled, OnSale; SoldOut has nothing left).</summary>
    public void EnsureBoxOfficeOpen()
    {
        if (State == EventState.SoldOut)
        {
            throw new DomainException(Errors.SoldOut, "Everything is sold or held.");
        }

        EnsureState("sell at the box office for", EventState.Scheduled, EventState.OnSale);
    }

    /// <summary>OnSale ⇄ SoldOut follows availability both ways; other states are left alone.</summary>
    public void FollowAvailability(bool anythingLeft)
    {
        if (State == EventState.OnSale && !anythingLeft)
        {
            MarkSoldOut();
        }
        else if (State == EventState.SoldOut && anythingLeft)
        {
            ReturnToSale();
        }
    }

    /// <summary>
    /// The queue takes joins in its pre-queue (Scheduled) and on sale when the event queues; while sold out it is
    /// the waiting list, queue or not.
    /// </summary>
    public bool AcceptsQueueJoins => State switch
    {
        EventState.Scheduled or EventState.OnSale => Queue.Enabled,
        EventState.SoldOut => true,
        _ => false,
    };

    /// <summary>
    /// The per-customer limit: what the customer already holds or bought of the event plus what they ask for now may
    /// not exceed <see cref="MaxTicketsPerCustomer"/> (a claim and a late payment's retake alike).
    /// </summary>
    public bool IsWithinLimit(int alreadyHeldOrBought, int requested) => alreadyHeldOrBought + requested <= MaxTicketsPerCustomer;

    /// <summary>LIMIT_EXCEEDED unless <see cref="IsWithinLimit"/>.</summary>
    public void EnsureWithinLimit(int alreadyHeldOrBought, int requested)
    {
        if (!IsWithinLimit(alreadyHeldOrBought, requested))
        {
            throw new DomainException(
                Errors.LimitExceeded,
                $"At most {MaxTicketsPerCustomer} tickets per customer; you hold or bought {alreadyHeldOrBought}.");
        }
    }

    /// <summary>Claims can be made now: 410 SOLD_OUT when nothing is left, INVALID_STATE outside the sale.</summary>
    public void EnsureSelling(DateTimeOffset now)
    {
        if (State == EventState.SoldOut)
        {
            throw new DomainException(Errors.SoldOut, "Everything is sold or held; join the waiting list.");
        }

        EnsureState("claim tickets of", EventState.OnSale);
        if (SaleEndsAt is { } saleEnds && now >= saleEnds)
        {
            throw new DomainException(Errors.InvalidState, "The sale has closed.");
        }
    }

    /// <summary>Whether stock may be taken now, sold out or not (a late payment's retake finds out by trying).</summary>
    public bool IsSellingAt(DateTimeOffset now) =>
        State is EventState.OnSale or EventState.SoldOut && !(SaleEndsAt is { } saleEnds && now >= saleEnds);

    public TimeSpan ClaimTtl => TimeSpan.FromMinutes(ClaimTtlMinutes);

    public void End(DateTimeOffset now)
    {
        EnsureState("end", EventState.OnSale, EventState.SoldOut);
        State = EventState.Ended;
        EndedAt = now;
        AddDomainEvent(new EventEndedEvent(Id));
    }

    public void Cancel(DateTimeOffset now)
    {
        EnsureState("cancel", EventState.Draft, EventState.Scheduled, EventState.OnSale, EventState.SoldOut);
        State = EventState.Cancelled;
        CancelledAt = now;
        AddDomainEvent(new EventCancelledEvent(Id));
    }

    private void Apply(EventDetails details)
    {
        var schedule = details.Schedule;
        Require(new DateTimeOffset?[] { schedule.StartsAt, schedule.EndsAt, schedule.SaleStartsAt, schedule.SaleEndsAt, schedule.DoorsOpenAt, schedule.DoorsCloseAt }
                .All(t => t is not { } time || EventRules.IsInRange(time)),
            $"Event times lie between {EventRules.EarliestTime:yyyy-MM-dd} and {EventRules.LatestTime:yyyy-MM-dd}.");
        Require(details.Title.Length is > 0 and <= EventRules.MaxTitleLength, $"The title must be 1–{EventRules.MaxTitleLength} characters.");
        Require(schedule.EndsAt > schedule.StartsAt, "The event must end after it starts.");
        Require(schedule.SaleStartsAt < schedule.EndsAt, "The sale must open before the event ends.");
        Require(schedule.SaleEndsAt is null || (schedule.SaleEndsAt > schedule.SaleStartsAt && schedule.SaleEndsAt <= schedule.EndsAt),
            "The sale must close after it opens and no later than the event ends.");
        Require(schedule.Doors.OpensAt < schedule.Doors.ClosesAt, "The doors must close after they open.");
        Require(Common.Currencies.IsKnown(details.Currency), $"Unknown currency '{details.Currency}'.");
        Require(details.ClaimTtlMinutes is >= EventRules.MinClaimTtlMinutes and <= EventRules.MaxClaimTtlMinutes,
            $"Claims last {EventRules.MinClaimTtlMinutes}–{EventRules.MaxClaimTtlMinutes} minutes.");
        Require(details.MaxTicketsPerCustomer is >= 1 and <= EventRules.MaxTicketsPerCustomerLimit,
            $"A customer may be allowed 1–{EventRules.MaxTicketsPerCustomerLimit} tickets.");
        Require(details.Queue.AdmissionsPerMinute is >= 1 and <= EventRules.MaxAdmissionsPerMinute
                && details.Queue.AdmissionWindowMinutes is >= 1 and <= EventRules.MaxAdmissionWindowMinutes,
            "Queue settings are out of range.");
        Title = details.Title;
        Description = details.Description;
        StartsAt = schedule.StartsAt;
        EndsAt = schedule.EndsAt;
        SaleStartsAt = schedule.SaleStartsAt;
        SaleEndsAt = schedule.SaleEndsAt;
        DoorsOpenAt = schedule.DoorsOpenAt;
        DoorsCloseAt = schedule.DoorsCloseAt;
        Currency = details.Currency;
        Queue = details.Queue;
        ClaimTtlMinutes = details.ClaimTtlMinutes;
        MaxTicketsPerCustomer = details.MaxTicketsPerCustomer;
    }

    /// <summary>Keeps the ids of types the plan names, adds the new ones, drops the rest (drafts only sell nothing yet).</summary>
    private void ReplaceTicketTypes(IReadOnlyList<TicketTypePlan> plans)
    {
        Require(plans.Count is > 0 and <= EventRules.MaxTicketTypes, $"An event sells 1–{EventRules.MaxTicketTypes} ticket types.");
        Require(plans.Select(p => p.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == plans.Count, "Ticket type names must differ.");
        Require(plans.All(p => p.SeatType is null) || IsSeated, "Seat types need a venue.");
        Require(plans.All(p => p.SeatType is not null) || !IsSeated, "A seated event sells its seats, not general admission.");

        _ticketTypes.RemoveAll(existing => plans.All(p => p.Id != existing.Id));
        foreach (var plan in plans)
        {
            Require(plan.Capacity is >= EventRules.MinCapacity and <= EventRules.MaxCapacity,
                $"Capacity must be {EventRules.MinCapacity}–{EventRules.MaxCapacity}.");
            var price = ToMoney(plan.Price, plan.Name);
            var existing = plan.Id is { } id ? _ticketTypes.SingleOrDefault(t => t.Id == id) : null;
            if (plan.Id is not null && existing is null)
            {
                throw new DomainException(Errors.ValidationError, $"Ticket type {plan.Id} is not part of this event.");
            }

            if (existing is null)
            {
                _ticketTypes.Add(new TicketType(Id, plan.Name.Trim(), price, plan.Capacity, plan.SeatType));
            }
            else
            {
                existing.Redefine(plan.Name.Trim(), price, plan.Capacity);
            }
        }
    }

    private Money ToMoney(decimal price, string ticketTypeName)
    {
        Require(price >= 0, $"The price of '{ticketTypeName}' cannot be negative.");
        Require(price <= Money.MaxMajor, $"The price of '{ticketTypeName}' is above {Money.MaxMajor}.");
        Require(Common.Currencies.FitsPrecision(price, Currency), $"The price of '{ticketTypeName}' has more decimals than {Currency} allows.");
        return Money.FromMajor(price, Currency);
    }

    private void EnsureState(string action, params EventState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new DomainException(Errors.InvalidState, $"Cannot {action} an event that is {State}.");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(Errors.ValidationError, message);
        }
    }
}
