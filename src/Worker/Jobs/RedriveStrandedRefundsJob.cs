using MediatR;
using Quartz;
using Ticketing.Application.Payments.Commands.RedriveStrandedRefunds;

namespace Ticketing.Worker.Jobs;

/// <summary>Requests again any refund that nothing is still delivering.</summary>
[DisallowConcurrentExecution]
public sealed class RedriveStrandedRefundsJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new RedriveStrandedRefundsCommand(), cancellationToken);
}
