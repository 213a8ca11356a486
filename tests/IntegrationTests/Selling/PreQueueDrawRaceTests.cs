using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Events.Commands.OpenDueSales;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Application.Queue.Queries.GetQueueDraw;
using Ticketing.Domain.Queue;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

public sealed class PreQueueDrawRaceTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const int Rounds = 6;
    private const int Customers = 30;

    [Fact]
    public async Task A_join_racing_the_sale_opening_draw_is_in_the_draw_or_behind_it_and_the_draw_still_verifies()
    {
        var organizer = await CreateUserAsync("Organizer");
        var customers = new List<TestUser>();
        for (var i = 0; i < Customers; i++)
        {
            customers.Add(await CreateUserAsync());
        }

        for (var round = 0; round < Rounds; round++)
        {
            var now = Clock.GetUtcNow();
            var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(now.AddDays(2), now.AddMinutes(1), 1000));
            await organizer.Client.PublishAsync(created.Id);
            Clock.Advance(TimeSpan.FromMinutes(1));

            // The sale is due but not open yet: every join reads Scheduled until the draw commits.
            var joins = customers.Select(c => c.Client.PostAsync($"/api/events/{created.Id}/queue", null)).ToList();
            var draw = Task.Run(() => SendAsync(new OpenDueSalesCommand()));
            foreach (var response in await Task.WhenAll(joins))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            }

            (await draw).ShouldBe(1);

            (await ScalarAsync<long>(
                "SELECT count(*) FROM queue_entries WHERE event_id = @id AND status = 'Waiting' AND ordinal IS NULL",
                ("id", created.Id))).ShouldBe(0, $"round {round}: a join was left out of the line");

            // Whoever is marked as drawn is exactly the verifiable draw, in the seed's order.
            var published = (await Anonymous().GetFromJsonAsync<QueueDrawDto>($"/api/events/{created.Id}/queue/draw", ApiJson.Options))!;
            var inPreQueue = await ScalarAsync<long>(
                "SELECT count(*) FROM queue_entries WHERE event_id = @id AND in_pre_queue", ("id", created.Id));
            published.EntryIds.Count.ShouldBe((int)inPreQueue);
            published.EntryIds.ShouldBe(PreQueueDraw.Order(Convert.FromHexString(published.Seed), published.EntryIds));

            // Everyone in line can be let in.
            (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(Customers, $"round {round}");
        }
    }
}
