using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue;

/// <summary>What a customer sees of their queue entry: place in line, wait, and their admission.</summary>
public sealed class QueueStatusReader(IQueueLine line, IAdmissionTokens tokens, TimeProvider timeProvider)
{
    /// <param name="listening">The client holds a live connection, so it polls only as a fallback.</param>
    public async Task<QueueEntryDto> ReadAsync(QueueEntry entry, QueuedEvent @event, bool listening, CancellationToken cancellationToken)
    {
        int? position = null;
        int? wait = null;
        if (entry.Status == QueueEntryStatus.Waiting && entry.Ordinal is { } ordinal)
        {
            position = await line.CountAheadAsync(entry.EventId, ordinal, cancellationToken);
            if (@event.State == EventState.OnSale)
            {
                wait = (int)Math.Ceiling((position.Value + 1) * 60.0 / @event.AdmissionsPerMinute);
            }
        }

        var now = timeProvider.GetUtcNow();
        AdmissionDto? admission = null;
        if (entry.IsAdmissionValidAt(now))
        {
            var expiresAt = entry.AdmissionExpiresAt!.Value;
            admission = new AdmissionDto(tokens.Issue(new AdmissionTicket(entry.Id, entry.EventId, entry.CustomerId, expiresAt)), expiresAt);
        }

        return new QueueEntryDto(
            entry.Id,
            entry.EventId,
            entry.Status,
            position,
            wait,
            admission,
            @event.State == EventState.SoldOut,
            PollInterval.SecondsFor(entry.Status, position, @event, now, listening));
    }
}
