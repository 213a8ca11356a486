namespace Ticketing.WebApi.Common;

/// <summary>Writes the counts of <see cref="DeniedRequestAudit"/> windows whose source went quiet, and all of them at shutdown.</summary>
public sealed class DeniedRequestAuditFlush(DeniedRequestAudit audit, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(audit.WindowLength, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await audit.FlushAsync(all: false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await audit.FlushAsync(all: true);
    }
}
