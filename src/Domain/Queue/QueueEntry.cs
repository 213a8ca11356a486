using Ticketing.Domain.Common;

namespace Ticketing.Domain.Queue;

/// <summary>
/// A customer's place in an event's queue: Waiting → Admitted → Used (a claim was made); Waiting/Admitted →
/// Abandoned (left; may join again at the back); Admitted → Expired (the window lapsed). At most one active
/// (Waiting or Admitted) entry per customer and event (invariant 3, a partial unique index behind it).
/// </summary>
public sealed class QueueEntry : Entity, IAggregateRoot
{
    private QueueEntry()
    {
    }

    public Guid EventId { get; private set; }

    public Guid CustomerId { get; private set; }

    public QueueEntryStatus Status { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>True for entries that joined before the sale opened; they are shuffled when it opens.</summary>
    public bool InPreQueue { get; private set; }

    /// <summary>
    /// Place in line, ascending: the drawn rank (1…n) for pre-queue entries, null until the draw; for later
    /// joiners a sequence number that starts far above any draw, so they always stand behind the pre-queue.
    /// </summary>
    public long? Ordinal { get; private set; }

    public DateTimeOffset? AdmittedAt { get; private set; }

    /// <summary>Fixed when the admission is issued; nothing extends it (invariant 4).</summary>
    public DateTimeOffset? AdmissionExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActive => Status is QueueEntryStatus.Waiting or QueueEntryStatus.Admitted;

    public static QueueEntry JoinPreQueue(Guid eventId, Guid customerId, DateTimeOffset now) =>
        new() { EventId = eventId, CustomerId = customerId, Status = QueueEntryStatus.Waiting, JoinedAt = now, InPreQueue = true };

    /// <summary>After the sale opened: first come, first served behind everyone already in line.</summary>
    public static QueueEntry JoinLine(Guid eventId, Guid customerId, DateTimeOffset now, long ordinal) =>
        new() { EventId = eventId, CustomerId = customerId, Status = QueueEntryStatus.Waiting, JoinedAt = now, Ordinal = ordinal };

    public void PlaceInDraw(long rank)
    {
        if (!InPreQueue || Ordinal is not null)
        {
            throw new DomainException(Errors.InvalidState, "Only an undrawn pre-queue entry takes a place in the draw.");
        }

        Ordinal = rank;
    }

    public void Admit(DateTimeOffset now, TimeSpan window)
    {
        Ensure("admit", QueueEntryStatus.Waiting);
        if (Ordinal is null)
        {
            throw new DomainException(Errors.InvalidState, "The pre-queue has not been drawn yet.");
        }

        Status = QueueEntryStatus.Admitted;
        AdmittedAt = now;

        // Whole milliseconds: the expiry travels in the signed token and must read back exactly as stored.
        var expires = now + window;
        AdmissionExpiresAt = expires.AddTicks(-(expires.Ticks % TimeSpan.TicksPerMillisecond));
        AddDomainEvent(new CustomerAdmittedEvent(Id, EventId, CustomerId, AdmissionExpiresAt.Value));
    }

    /// <summary>A claim was made with this admission: it cannot be used again.</summary>
    public void Use(DateTimeOffset now)
    {
        Ensure("use the admission of", QueueEntryStatus.Admitted);
        if (!IsAdmissionValidAt(now))
        {
            throw new DomainException(Errors.InvalidState, "The admission has expired.");
        }

        Status = QueueEntryStatus.Used;
        EndedAt = now;
    }

    /// <summary>
    /// Whether a claim may be made with this admission: the entry is the customer's, it is the admission the token was
    /// issued for (same expiry — a re-admission issues a new token), and it is valid now. ADMISSION_INVALID otherwise.
    /// </summary>
    public void EnsureUsableBy(Guid customerId, DateTimeOffset tokenExpiresAt, DateTimeOffset now)
    {
        if (CustomerId != customerId || AdmissionExpiresAt != tokenExpiresAt || !IsAdmissionValidAt(now))
        {
            throw new DomainException(Errors.AdmissionInvalid, "The admission token is not valid for you, this event or now.");
        }
    }

    /// <summary>A claim is made with this admission: checked as <see cref="EnsureUsableBy"/>, then used up.</summary>
    public void UseFor(Guid customerId, DateTimeOffset tokenExpiresAt, DateTimeOffset now)
    {
        EnsureUsableBy(customerId, tokenExpiresAt, now);
        Use(now);
    }

    public void Abandon(DateTimeOffset now)
    {
        Ensure("leave", QueueEntryStatus.Waiting, QueueEntryStatus.Admitted);
        Status = QueueEntryStatus.Abandoned;
        EndedAt = now;
    }

    public void Expire(DateTimeOffset now)
    {
        Ensure("expire", QueueEntryStatus.Admitted);
        if (IsAdmissionValidAt(now))
        {
            throw new DomainException(Errors.InvalidState, "The admission window is still open.");
        }

        Status = QueueEntryStatus.Expired;
        EndedAt = now;
    }

    public bool IsAdmissionValidAt(DateTimeOffset now) =>
        Status == QueueEntryStatus.Admitted && AdmissionExpiresAt is { } expires && now < expires;

    /// <summary>
    /// A payment that arrives after the claim made with this admission ended may take the stock again only inside the
    /// admission window: after it the stock belongs to the people still in line.
    /// </summary>
    public bool AdmitsLatePaymentAt(DateTimeOffset now) =>
        Status == QueueEntryStatus.Used && AdmissionExpiresAt is { } expires && now < expires;

    private void Ensure(string action, params QueueEntryStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(Errors.InvalidState, $"Cannot {action} a queue entry that is {Status}.");
        }
    }
}
