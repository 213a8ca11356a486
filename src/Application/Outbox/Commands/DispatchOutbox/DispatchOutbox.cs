using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Outbox.Commands.DispatchOutbox;

/// <summary>
/// Delivers a batch of due outbox messages to their handlers. Returns how many were delivered. A notification is given
/// up after <see cref="DispatchOutboxCommandHandler.MaxAttempts"/>; money-moving work (<see cref="IMoneyMovingEvent"/>)
/// never is — it is retried at a capped interval for as long as it takes, and logged at Error once it keeps failing.
/// </summary>
/// <param name="Drain">Up to this long, take the next batch while the last one came back full: an on-sale writes
/// hundreds of messages a second (admissions, claims, payments, bookings), and one batch per trigger let the backlog —
/// and with it the fans' admission pushes — fall minutes behind. Zero: one batch.</param>
public sealed record DispatchOutboxCommand(int BatchSize = 100, TimeSpan Drain = default) : IRequest<int>;

public sealed class DispatchOutboxCommandHandler(
    IOutboxStore outbox,
    DomainEventPublisher publisher,
    TimeProvider timeProvider,
    ILogger<DispatchOutboxCommandHandler> logger) : IRequestHandler<DispatchOutboxCommand, int>
{
    /// <summary>After this many failed attempts a message is dead-lettered and left for a person to look at.</summary>
    public const int MaxAttempts = 8;

    /// <summary>The longest a money-moving message waits between attempts, however long the provider has been failing.</summary>
    public static readonly TimeSpan MoneyRetryCap = TimeSpan.FromMinutes(5);

    // Long enough for any handler to finish; a worker that dies mid-batch releases its messages when it ends.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> Handle(DispatchOutboxCommand request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var delivered = 0;
        int leased;
        do
        {
            var batch = await outbox.LeaseBatchAsync(request.BatchSize, Lease, cancellationToken);
            leased = batch.Count;
            delivered += await DeliverAsync(batch, cancellationToken);
        }
        while (leased == request.BatchSize && timeProvider.GetElapsedTime(started) < request.Drain && !cancellationToken.IsCancellationRequested);

        return delivered;
    }

    private async Task<int> DeliverAsync(IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
    {
        List<Guid> processed = [];
        try
        {
            foreach (var message in batch)
            {
                if (await DeliverAsync(message, cancellationToken))
                {
                    processed.Add(message.Id);
                }
            }
        }
        finally
        {
            // One statement for the batch; in a finally so a shutdown mid-batch does not deliver these twice.
            if (processed.Count > 0)
            {
                await outbox.MarkProcessedAsync(processed, CancellationToken.None);
            }
        }

        return processed.Count;
    }

    private async Task<bool> DeliverAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        if (message.Event is null)
        {
            logger.LogError("Outbox message {MessageId} of type {Type} cannot be read; dead-lettered", message.Id, message.Type);
            await outbox.MarkFailedAsync(message.Id, $"Unknown or unreadable event type {message.Type}", null, CancellationToken.None);
            return false;
        }

        try
        {
            await publisher.PublishAsync(message.Event, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = RetryAt(message);
            if (message.Event is IMoneyMovingEvent && message.Attempts >= MaxAttempts)
            {
                // Past where a notification would be given up: a person should look at the provider.
                logger.LogError(
                    ex,
                    "Money-moving outbox message {MessageId} ({Type}) keeps failing, attempt {Attempt}; never given up, retry at {RetryAt:O}",
                    message.Id,
                    message.Type,
                    message.Attempts,
                    retryAt);
            }
            else
            {
                logger.LogWarning(
                    ex,
                    "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}; {Outcome}",
                    message.Id,
                    message.Type,
                    message.Attempts,
                    retryAt is null ? "dead-lettered" : $"retry at {retryAt:O}");
            }

            await outbox.MarkFailedAsync(message.Id, ex.Message, retryAt, CancellationToken.None);
            return false;
        }
    }

    /// <summary>
    /// Exponential backoff, 2 s, 4 s, 8 s …, capped at 10 minutes, and null (dead-letter) once attempts run out — except
    /// for money-moving work, capped at <see cref="MoneyRetryCap"/> and never null.
    /// </summary>
    public DateTimeOffset? RetryAt(OutboxEnvelope message)
    {
        var doubling = Math.Pow(2, Math.Min(message.Attempts, 30));
        if (message.Event is IMoneyMovingEvent)
        {
            return timeProvider.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(doubling, MoneyRetryCap.TotalSeconds));
        }

        return message.Attempts >= MaxAttempts ? null : timeProvider.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(doubling, 600));
    }
}
