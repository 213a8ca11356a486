using MediatR;
using Quartz;
using Ticketing.Application.Bookings.Commands.RefundCancelledEvents;

namespace Ticketing.Worker.Jobs;

/// <summary>Refunds the bookings of cancelled events, a batch at a time, until none are left.</summary>
[DisallowConcurrentExecution]
public sealed class RefundCancelledEventsJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new RefundCancelledEventsCommand(), cancellationToken);
}
