using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Domain.Queue;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

public sealed class LeaveRaceTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_fan_admitted_between_reading_and_saving_their_leave_still_leaves()
    {
        var organizer = await CreateUserAsync("Organizer");
        var sale = await organizer.Client.CreateEventAsync(SellingApi.Queued(Clock.GetUtcNow().AddDays(2), Clock.GetUtcNow().AddHours(-1), 10));
        await organizer.Client.PublishAsync(sale.Id);
        var fan = await CreateUserAsync();
        await fan.Client.JoinQueueAsync(sale.Id);

        // The admission tick commits after the leave read the Waiting entry and before it saves it.
        var tick = new RunsOnceBeforeSaving(async () => (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1));
        using var racing = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISaveChangesInterceptor>(tick)));
        using var client = racing.CreateClient();
        client.DefaultRequestHeaders.Authorization = fan.Client.DefaultRequestHeaders.Authorization;

        (await client.DeleteAsync($"/api/events/{sale.Id}/queue/me")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        tick.Ran.ShouldBeTrue();
        (await ScalarAsync<string>("SELECT status FROM queue_entries WHERE event_id = @e", ("e", sale.Id))).ShouldBe("Abandoned");
    }

    private sealed class RunsOnceBeforeSaving(Func<Task> meanwhile) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var leaving = eventData.Context!.ChangeTracker.Entries<QueueEntry>().Any(e => e.State == EntityState.Modified && e.Entity.Status == QueueEntryStatus.Abandoned);
            if (leaving && !Ran)
            {
                Ran = true;
                await meanwhile();
            }

            return result;
        }
    }
}
