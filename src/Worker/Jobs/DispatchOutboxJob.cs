using MediatR;
using Quartz;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;

namespace Ticketing.Worker.Jobs;

[DisallowConcurrentExecution]
public sealed class DispatchOutboxJob(IMediator mediator) : IJob
{
    // A backlog is drained in one run (the next trigger waits its turn); bounded, so a message stream that never
    // stops still lets the run end and the Worker shut down between batches.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new DispatchOutboxCommand(Drain: Drain), cancellationToken);
}
