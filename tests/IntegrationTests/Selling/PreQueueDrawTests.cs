using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Ticketing.Application.Events.Commands.OpenDueSales;
using Ticketing.Application.Queue.Queries.GetQueueDraw;
using Ticketing.Domain.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

public sealed class PreQueueDrawTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_pre_queue_order_is_recomputable_from_the_revealed_seed_and_later_joiners_queue_behind()
    {
        var organizer = await CreateUserAsync("Organizer");
        var now = Clock.GetUtcNow();
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(now.AddDays(2), now.AddHours(1), 100));
        var published = await organizer.Client.PublishAsync(created.Id);
        published.State.ShouldBe(EventState.Scheduled);
        published.QueueSeedHash!.ShouldMatch("^[0-9a-f]{64}$");
        published.QueueSeed.ShouldBeNull();

        var early = new List<(TestUser User, Guid EntryId)>();
        for (var i = 0; i < 12; i++)
        {
            var user = await CreateUserAsync();
            var entry = await user.Client.JoinQueueAsync(created.Id);
            entry.Position.ShouldBeNull();
            early.Add((user, entry.EntryId));
        }

        Clock.Advance(TimeSpan.FromHours(1));
        (await SendAsync(new OpenDueSalesCommand())).ShouldBe(1);
        var late = await CreateUserAsync();
        (await late.Client.JoinQueueAsync(created.Id)).Position.ShouldBe(12);

        var draw = (await Anonymous().GetFromJsonAsync<QueueDrawDto>($"/api/events/{created.Id}/queue/draw", ApiJson.Options))!;
        var seed = Convert.FromHexString(draw.Seed);
        Convert.ToHexStringLower(SHA256.HashData(seed)).ShouldBe(published.QueueSeedHash);
        (await Anonymous().GetEventAsync(created.Id)).QueueSeed.ShouldBe(draw.Seed);

        // The recipe, written out independently: sort the entry ids by HMAC-SHA256(seed, id as text).
        var recomputed = early.Select(e => e.EntryId)
            .OrderBy(id => Convert.ToHexStringLower(HMACSHA256.HashData(seed, Encoding.UTF8.GetBytes(id.ToString()))), StringComparer.Ordinal)
            .ToList();
        draw.EntryIds.ShouldBe(recomputed);
        draw.EntryIds.ShouldNotBe(early.Select(e => e.EntryId).ToList(), "joining early must not mean going first");

        for (var rank = 0; rank < recomputed.Count; rank++)
        {
            // An hour passed: sign in again, as the customer's app would.
            var user = early.Single(e => e.EntryId == recomputed[rank]).User;
            var client = WithToken((await LoginAsync(user.Email, Password)).AccessToken);
            (await client.PollQueueAsync(created.Id)).Position.ShouldBe(rank);
        }
    }
}
