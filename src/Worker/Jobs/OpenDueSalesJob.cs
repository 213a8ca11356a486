using MediatR;
using Quartz;
using Ticketing.Application.Events.Commands.OpenDueSales;

namespace Ticketing.Worker.Jobs;

/// <summary>Scheduled → OnSale when the sale starts.</summary>
[DisallowConcurrentExecution]
public sealed class OpenDueSalesJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new OpenDueSalesCommand(), cancellationToken);
}
