using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Application.Queue.Commands.JoinQueue;

/// <summary>
/// Joins an event's queue: into the pre-queue while the event is Scheduled (drawn at sale open), at the back of the
/// line once on sale, onto the waiting list while sold out. One active entry per customer and event.
/// </summary>
/// <param name="Listening">The caller's client holds a live connection, so the answer's poll interval is a listener's.</param>
[Authorize(Roles = Roles.Customer)]
public sealed record JoinQueueCommand(Guid EventId, bool Listening = false) : IRequest<QueueEntryDto>;

public sealed class JoinQueueCommandHandler(
    IApplicationDbContext context,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    IQueueLine line,
    QueueStatusReader reader,
    TimeProvider timeProvider) : IRequestHandler<JoinQueueCommand, QueueEntryDto>
{
    public async Task<QueueEntryDto> Handle(JoinQueueCommand request, CancellationToken cancellationToken)
    {
        var @event = await context.FindVisibleEventAsync(currentUser, request.EventId, cancellationToken);
        if (@event.State != EventState.Scheduled)
        {
            return await JoinAsync(@event, request.Listening, cancellationToken);
        }

        // A pre-queue join must not slip past the draw, which reads the pre-queue once: the held row makes the draw
        // wait for this join, or this join wait for the draw — and then the re-read event is on sale and the entry
        // goes to the back of the line instead of into a draw that has already been published.
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await line.HoldOffDrawAsync(@event.Id, cancellationToken);
        @event = await context.FindVisibleEventAsync(currentUser, request.EventId, cancellationToken);
        var joined = await JoinAsync(@event, request.Listening, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return joined;
    }

    private async Task<QueueEntryDto> JoinAsync(Event @event, bool listening, CancellationToken cancellationToken)
    {
        if (!@event.AcceptsQueueJoins)
        {
            throw new DomainException(Errors.InvalidState, @event.State switch
            {
                EventState.Scheduled or EventState.OnSale => "This event has no queue: claim tickets directly.",
                _ => $"The event is {@event.State}; its queue is closed.",
            });
        }

        var customerId = currentUser.UserId!.Value;
        var now = timeProvider.GetUtcNow();
        var entry = @event.State == EventState.Scheduled
            ? QueueEntry.JoinPreQueue(@event.Id, customerId, now)
            : QueueEntry.JoinLine(@event.Id, customerId, now, await line.NextOrdinalAsync(cancellationToken));
        context.QueueEntries.Add(entry);

        // A second active entry for the customer meets the partial unique index: 409 ALREADY_QUEUED. No read first:
        // at an on-sale's opening every join would pay a round trip for the rare one that repeats.
        await context.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(entry, QueuedEvent.Of(@event), listening, cancellationToken);
    }
}
