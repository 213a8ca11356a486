using MediatR;
using Quartz;
using Ticketing.Application.Queue.Commands.ExpireAdmissions;

namespace Ticketing.Worker.Jobs;

/// <summary>Ends unused admissions so the next people get in.</summary>
[DisallowConcurrentExecution]
public sealed class ExpireAdmissionsJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new ExpireAdmissionsCommand(), cancellationToken);
}
