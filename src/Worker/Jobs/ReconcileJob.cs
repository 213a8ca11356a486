using MediatR;
using Quartz;
using Ticketing.Application.Inventory.Commands.Reconcile;

namespace Ticketing.Worker.Jobs;

/// <summary>Checks invariants 1 and 2 and heals drift.</summary>
[DisallowConcurrentExecution]
public sealed class ReconcileJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new ReconcileCommand(), cancellationToken);
}
