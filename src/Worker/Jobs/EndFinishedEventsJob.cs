using MediatR;
using Quartz;
using Ticketing.Application.Events.Commands.EndFinishedEvents;

namespace Ticketing.Worker.Jobs;

/// <summary>OnSale/SoldOut → Ended when the event is over.</summary>
[DisallowConcurrentExecution]
public sealed class EndFinishedEventsJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new EndFinishedEventsCommand(), cancellationToken);
}
