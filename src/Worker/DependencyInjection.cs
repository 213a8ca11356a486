using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;
using Ticketing.Worker.Jobs;

namespace Ticketing.Worker;

public static class DependencyInjection
{
    /// <summary>The jobs and how often each runs (architecture.md, "Worker jobs").</summary>
    public static readonly IReadOnlyList<(Type Job, string Name, TimeSpan Every)> Schedule =
    [
        (typeof(OpenDueSalesJob), "open-due-sales", TimeSpan.FromSeconds(1)),
        (typeof(AdmitFromQueueJob), "admit-from-queue", TimeSpan.FromSeconds(1)),
        (typeof(ExpireAdmissionsJob), "expire-admissions", TimeSpan.FromSeconds(5)),
        (typeof(ExpireClaimsJob), "expire-claims", TimeSpan.FromSeconds(5)),
        (typeof(VerifyPendingPaymentsJob), "verify-pending-payments", TimeSpan.FromSeconds(60)),
        (typeof(DispatchOutboxJob), "dispatch-outbox", TimeSpan.FromSeconds(1)),
        (typeof(ReconcileJob), "reconcile", TimeSpan.FromSeconds(30)),
        (typeof(RefundCancelledEventsJob), "refund-cancelled-events", TimeSpan.FromSeconds(10)),
        (typeof(EndFinishedEventsJob), "end-finished-events", TimeSpan.FromSeconds(60)),
        (typeof(RedriveStrandedRefundsJob), "redrive-stranded-refunds", TimeSpan.FromMinutes(1)),
        (typeof(AuditMoneyJob), "audit-money", TimeSpan.FromMinutes(5)),
        (typeof(PublishLiveCountersJob), "publish-live-counters", TimeSpan.FromSeconds(2)),
    ];

    public static IHostApplicationBuilder AddWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICurrentUser, SystemUser>();
        builder.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                // The tables come from the EF migration (Initial); Quartz only validates them.
                // Quartz opens its own connections: without this each reuse costs a DISCARD ALL (ADR 0019).
                store.UsePostgres(new Npgsql.NpgsqlConnectionStringBuilder(
                    Infrastructure.DependencyInjection.ConnectionString(builder.Configuration)) { NoResetOnClose = true }.ConnectionString);
                store.ConfigureStore(options => options.TablePrefix = "quartz.qrtz_");
                store.UseSystemTextJsonSerializer();

                // Several Worker instances share the store; each trigger fires on exactly one of them.
                store.UseClustering(clustering =>
                {
                    clustering.CheckinInterval = TimeSpan.FromSeconds(10);
                    clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
            });

            foreach (var (job, name, every) in Schedule)
            {
                quartz.AddJob(job, j => j.WithIdentity(name).StoreDurably());
                quartz.AddTrigger(t => t
                    .WithIdentity(name)
                    .ForJob(name)
                    .WithSimpleSchedule(s => s
                        .WithInterval(every)
                        .RepeatForever()
                        // A job that ran late does not run again for every beat it missed.
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }
        });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database")
            .AddQuartz();
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthFilePublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options => options.Period = TimeSpan.FromSeconds(10));
        return builder;
    }
}
