using MediatR;
using Quartz;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;

namespace Ticketing.Worker.Jobs;

[DisallowConcurrentExecution]
public sealed class DispatchOutboxJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new DispatchOutboxCommand(), cancellationToken);
}
