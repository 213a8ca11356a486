using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue;

/// <summary>
/// How long a waiting fan's client should wait before its next poll of GET .../queue/me (ADR 20). Half the time the
/// fan can expect to wait, so a poll lands before their turn does: short at the front and just before the sale
/// opens, long at the back. A client that holds a live connection hears <c>admitted</c> and <c>soldOut</c> pushed,
/// so its poll is only the fallback for a lost push: four times as long, and never under the 10 s that a lost push
/// can cost of an admission window of at least 30 s.
/// </summary>
public static class PollInterval
{
    public const int MinSeconds = 1;
    public const int MaxSeconds = 30;
    public const int ListeningMinSeconds = 10;
    public const int ListeningMaxSeconds = 60;
    public const int ListeningFactor = 4;

    public static int SecondsFor(QueueEntryStatus status, int? position, QueuedEvent @event, DateTimeOffset now, bool listening)
    {
        var seconds = WaitingFor(status, position, @event, now) is { } expectedWait
            ? Math.Clamp((int)Math.Ceiling(expectedWait / 2), MinSeconds, MaxSeconds)
            : MaxSeconds;
        return listening
            ? Math.Clamp(seconds * ListeningFactor, ListeningMinSeconds, ListeningMaxSeconds)
            : seconds;
    }

    /// <summary>
    /// Seconds until something can change for this entry, or null when nothing the fan waits for is coming (admitted:
    /// the token is in hand; ended entries). A sold-out waiting list moves at the admission rate once stock returns.
    /// </summary>
    private static double? WaitingFor(QueueEntryStatus status, int? position, QueuedEvent @event, DateTimeOffset now)
    {
        if (status != QueueEntryStatus.Waiting)
        {
            return null;
        }

        if (@event.State == EventState.Scheduled)
        {
            return Math.Max(0, (@event.SaleStartsAt - now).TotalSeconds);
        }

        return position is { } ahead ? (ahead + 1) * 60.0 / @event.AdmissionsPerMinute : null;
    }
}
