using System.Net;
using MediatR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Events.Commands.OpenDueSales;
using Ticketing.Domain.Queue;
using Ticketing.Infrastructure.Queue;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

/// <summary>The sale-opening draw against an organizer acting on the same event at the same moment.</summary>
public sealed class SaleOpeningRaceTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task An_event_cancelled_while_its_sale_is_being_opened_stays_cancelled()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Clock.GetUtcNow().AddDays(2), Clock.GetUtcNow().AddMinutes(1), 10));
        await organizer.Client.PublishAsync(created.Id);
        Clock.Advance(TimeSpan.FromMinutes(2));

        // The organizer's cancel commits after the job picked the event as due and before it locks the event's row.
        using var racing = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddScoped<IQueueLine>(sp =>
            new ActsBeforeTheDrawLocks(ActivatorUtilities.CreateInstance<QueueLine>(sp), async () =>
                (await organizer.Client.PostAsync($"/api/events/{created.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK)))));
        await using var scope = racing.Services.CreateAsyncScope();

        var opened = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OpenDueSalesCommand());

        opened.ShouldBe(0);
        (await ScalarAsync<string>("SELECT state FROM events WHERE id = @id", ("id", created.Id))).ShouldBe("Cancelled");
    }

    private sealed class ActsBeforeTheDrawLocks(IQueueLine line, Func<Task> meanwhile) : IQueueLine
    {
        public async Task LockForDrawAsync(Guid eventId, CancellationToken cancellationToken)
        {
            await meanwhile();
            await line.LockForDrawAsync(eventId, cancellationToken);
        }

        public Task<long> NextOrdinalAsync(CancellationToken cancellationToken) => line.NextOrdinalAsync(cancellationToken);

        public Task<IReadOnlyList<QueueEntry>> LockNextWaitingAsync(Guid eventId, int count, CancellationToken cancellationToken) =>
            line.LockNextWaitingAsync(eventId, count, cancellationToken);

        public Task<IReadOnlyList<QueueEntry>> LockLapsedAdmissionsAsync(DateTimeOffset now, int count, CancellationToken cancellationToken) =>
            line.LockLapsedAdmissionsAsync(now, count, cancellationToken);

        public Task<int> CountAheadAsync(Guid eventId, long ordinal, CancellationToken cancellationToken) => line.CountAheadAsync(eventId, ordinal, cancellationToken);

        public Task HoldOffDrawAsync(Guid eventId, CancellationToken cancellationToken) => line.HoldOffDrawAsync(eventId, cancellationToken);

        public Task PlaceDrawAsync(IReadOnlyList<Guid> entryIdsInOrder, CancellationToken cancellationToken) => line.PlaceDrawAsync(entryIdsInOrder, cancellationToken);
    }
}
