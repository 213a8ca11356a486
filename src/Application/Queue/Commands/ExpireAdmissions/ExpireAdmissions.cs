using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Queue.Commands.ExpireAdmissions;

/// <summary>Admitted → Expired for admissions whose window passed unused, so the next people get in (the ExpireAdmissions job).</summary>
public sealed record ExpireAdmissionsCommand(int BatchSize = 500) : IRequest<int>, ITransactional;

public sealed class ExpireAdmissionsCommandHandler(
    IApplicationDbContext context, IQueueLine line, TimeProvider timeProvider, ILogger<ExpireAdmissionsCommandHandler> logger)
    : IRequestHandler<ExpireAdmissionsCommand, int>
{
    public async Task<int> Handle(ExpireAdmissionsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lapsed = await line.LockLapsedAdmissionsAsync(now, request.BatchSize, cancellationToken);
        foreach (var entry in lapsed)
        {
            entry.Expire(now);
        }

        await context.SaveChangesAsync(cancellationToken);
        if (lapsed.Count > 0)
        {
            logger.LogInformation("Expired {Count} unused admissions", lapsed.Count);
        }

        return lapsed.Count;
    }
}
