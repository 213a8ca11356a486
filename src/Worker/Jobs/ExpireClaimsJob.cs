using MediatR;
using Quartz;
using Ticketing.Application.Claims.Commands.ExpireClaims;

namespace Ticketing.Worker.Jobs;

/// <summary>Expires unpaid claims and returns their tickets (the pending-booking expiry).</summary>
[DisallowConcurrentExecution]
public sealed class ExpireClaimsJob(IMediator mediator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(new ExpireClaimsCommand(), cancellationToken);
}
