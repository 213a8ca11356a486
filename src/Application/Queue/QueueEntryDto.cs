using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue;

/// <param name="Position">Waiting entries ahead of this one (0 = next); null before the pre-queue is drawn or once no longer waiting.</param>
/// <param name="EstimatedWaitSeconds">From the admission rate; null when it cannot be told (undrawn, sold out, not waiting).</param>
/// <param name="Admission">Present while admitted: the same token and expiry on every poll.</param>
/// <param name="SoldOut">True while the event is sold out: a waiting fan gets in only if stock comes back.</param>
/// <param name="PollAfterSeconds">When to poll again (<see cref="PollInterval"/>): longer for a client that listens on the live hub.</param>
public sealed record QueueEntryDto(
    Guid EntryId,
    Guid EventId,
    QueueEntryStatus Status,
    int? Position,
    int? EstimatedWaitSeconds,
    AdmissionDto? Admission,
    bool SoldOut,
    int PollAfterSeconds);

public sealed record AdmissionDto(string Token, DateTimeOffset ExpiresAt);
