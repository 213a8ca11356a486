using MediatR;
using Quartz;
using Ticketing.Application.Payments.Commands.VerifyPendingPayments;

namespace Ticketing.Worker.Jobs;

/// <summary>Asks the provider about card payments whose webhook never came, and settles them.</summary>
[DisallowConcurrentExecution]
public sealed class VerifyPendingPaymentsJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new VerifyPendingPaymentsCommand(), cancellationToken);
}
