using MediatR;
using Quartz;
using Ticketing.Application.Payments.Commands.AuditMoney;

namespace Ticketing.Worker.Jobs;

/// <summary>Checks invariant 11 (money is conserved) and logs any drift at Error.</summary>
[DisallowConcurrentExecution]
public sealed class AuditMoneyJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new AuditMoneyCommand(), cancellationToken);
}
