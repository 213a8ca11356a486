using MediatR;
using Quartz;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;

namespace Ticketing.Worker.Jobs;

/// <summary>Lets the next people in from every on-sale event's queue.</summary>
[DisallowConcurrentExecution]
public sealed class AdmitFromQueueJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new AdmitFromQueueCommand(), cancellationToken);
}
