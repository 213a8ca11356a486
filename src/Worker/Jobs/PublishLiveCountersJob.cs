using MediatR;
using Quartz;
using Ticketing.Application.Events.Commands.PublishLiveCounters;

namespace Ticketing.Worker.Jobs;

/// <summary>Pushes live counters to organizers' dashboards.</summary>
[DisallowConcurrentExecution]
public sealed class PublishLiveCountersJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new PublishLiveCountersCommand(), cancellationToken);
}
