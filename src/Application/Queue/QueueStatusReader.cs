using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue;

/// <summary>What a customer sees of their queue entry: place in line, wait, and their admission.</summary>
public sealed class QueueStatusReader(IQueueLine line, IAdmissionTokens tokens, TimeProvider timeProvider)
{
    public async Task<QueueEntryDto> ReadAsync(QueueEntry entry, Event @event, CancellationToken cancellationToken)
    {
        int? position = null;
        int? wait = null;
        if (entry.Status == QueueEntryStatus.Waiting && entry.Ordinal is { } ordinal)
        {
            position = await line.CountAheadAsync(entry.EventId, ordinal, cancellationToken);
            if (@event.State == EventState.OnSale)
            {
                wait = (int)Math.Ceiling((position.Value + 1) * 60.0 / @event.Queue.AdmissionsPerMinute);
            }
        }

        AdmissionDto? admission = null;
        if (entry.IsAdmissionValidAt(timeProvider.GetUtcNow()))
        {
            var expiresAt = entry.AdmissionExpiresAt!.Value;
            admission = new AdmissionDto(tokens.Issue(new AdmissionTicket(entry.Id, entry.EventId, entry.CustomerId, expiresAt)), expiresAt);
        }

        return new QueueEntryDto(entry.Id, entry.EventId, entry.Status, position, wait, admission);
    }
}
