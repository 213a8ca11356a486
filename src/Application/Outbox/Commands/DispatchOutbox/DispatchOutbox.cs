using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Outbox.Commands.DispatchOutbox;

/// <summary>Delivers a batch of due outbox messages to their handlers. Returns how many were delivered.</summary>
public sealed record DispatchOutboxCommand(int BatchSize = 50) : IRequest<int>;

public sealed class DispatchOutboxCommandHandler(
    IOutboxStore outbox,
    DomainEventPublisher publisher,
    TimeProvider timeProvider,
    ILogger<DispatchOutboxCommandHandler> logger) : IRequestHandler<DispatchOutboxCommand, int>
{
    /// <summary>After this many failed attempts a message is dead-lettered and left for a person to look at.</summary>
    public const int MaxAttempts = 8;

    // Long enough for any handler to finish; a worker that dies mid-batch releases its messages when it ends.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> Handle(DispatchOutboxCommand request, CancellationToken cancellationToken)
    {
        var batch = await outbox.LeaseBatchAsync(request.BatchSize, Lease, cancellationToken);
        var delivered = 0;
        foreach (var message in batch)
        {
            if (message.Event is null)
            {
                logger.LogError("Outbox message {MessageId} of type {Type} cannot be read; dead-lettered", message.Id, message.Type);
                await outbox.MarkFailedAsync(message.Id, $"Unknown or unreadable event type {message.Type}", null, CancellationToken.None);
                continue;
            }

            try
            {
                await publisher.PublishAsync(message.Event, cancellationToken);
                await outbox.MarkProcessedAsync(message.Id, CancellationToken.None);
                delivered++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var retryAt = RetryAt(message.Attempts);
                logger.LogWarning(
                    ex,
                    "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}; {Outcome}",
                    message.Id,
                    message.Type,
                    message.Attempts,
                    retryAt is null ? "dead-lettered" : $"retry at {retryAt:O}");
                await outbox.MarkFailedAsync(message.Id, ex.Message, retryAt, CancellationToken.None);
            }
        }

        return delivered;
    }

    /// <summary>Exponential backoff, 2 s, 4 s, 8 s … capped at 10 minutes; null once attempts run out.</summary>
    public DateTimeOffset? RetryAt(int attempts) =>
        attempts >= MaxAttempts
            ? null
            : timeProvider.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), 600));
}
