using Ticketing.Domain.Common;

namespace Ticketing.Domain.Events;

/// <summary>
/// When tickets of an event check in (invariant 9): from <see cref="OpensAt"/> up to, not including,
/// <see cref="ClosesAt"/>. A scan outside it would let a ticket be used before a refund or after the show.
/// </summary>
public sealed record DoorWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    /// <summary>Doors open this long before the start unless the organizer says otherwise; they close at the end.</summary>
    public static readonly TimeSpan DefaultOpeningBeforeStart = TimeSpan.FromHours(4);

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public void EnsureOpen(DateTimeOffset now)
    {
        if (!IsOpenAt(now))
        {
            throw new DomainException(
                Errors.DoorsClosed,
                now < OpensAt ? $"The doors open at {OpensAt.ToIso()}." : $"The doors closed at {ClosesAt.ToIso()}.");
        }
    }
}
