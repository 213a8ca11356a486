using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Ticketing.Application.Common.Interfaces;
using Ticketing.IntegrationTests.Infrastructure;
using Ticketing.Worker;

namespace Ticketing.IntegrationTests.Hosting;

/// <summary>The Worker as it runs in production: Quartz on the clustered PostgreSQL store, firing jobs by itself.</summary>
public sealed class WorkerHostTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_worker_schedules_every_job_in_the_clustered_store_and_dispatches_the_outbox_on_its_own()
    {
        var logs = new CapturedLogs();
        var builder = WorkerHost.CreateBuilder(
        [
            "--environment=Development",
            $"--ConnectionStrings:Ticketing={Fixture.ConnectionString}",
            "--Email:Provider=Development",
            $"--Email:DevelopmentDirectory={TicketingApiFactory.MailDirectory}",
        ]);
        builder.Services.AddSingleton<ILogEventSink>(logs);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IIdentityService>()
                    .CreateUserAsync("worker@example.com", Password, "Worker Test", ["Customer"], CancellationToken.None);
            }

            await Eventually(async () => await ScalarAsync<long>(
                "SELECT count(*) FROM dev_mailbox WHERE \"to\" = 'worker@example.com'") == 1);

            // The mail is saved before its outbox row is marked processed, in a statement of its own a moment later.
            await Eventually(async () => await ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL") == 0);
            foreach (var (_, name, _) in Ticketing.Worker.DependencyInjection.Schedule)
            {
                (await ScalarAsync<long>("SELECT count(*) FROM quartz.qrtz_triggers WHERE trigger_name = @name", ("name", name))).ShouldBe(1);
            }

            (await ScalarAsync<long>("SELECT count(*) FROM quartz.qrtz_scheduler_state")).ShouldBeGreaterThan(0);

            // scripts/run.sh prints both hosts into one console: the Worker's lines say they are the Worker's.
            logs.Events.ShouldNotBeEmpty();
            logs.Events.ShouldAllBe(e => LogLabelTests.ApplicationOf(e) == "Worker");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
