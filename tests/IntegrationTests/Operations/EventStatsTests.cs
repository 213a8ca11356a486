using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Events.Queries.GetEventStats;
using Ticketing.Domain.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

public sealed class EventStatsTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task The_organizer_sees_the_queue_claims_stock_money_and_door_of_the_event()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddHours(2), Now.AddHours(-1), capacity: 10, price: 20m));
        await organizer.Client.PublishAsync(created.Id);
        var ticketTypeId = created.TicketTypes[0].Id;

        var walkIn = await organizer.Client.SellAtBoxOfficeAsync(created.Id, ticketTypeId, 3);
        var refunded = await organizer.Client.SellAtBoxOfficeAsync(created.Id, ticketTypeId, 1);
        (await organizer.Client.PostAsync($"/api/bookings/{refunded.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await CreateUserAsync()).Client.ClaimOkAsync(created.Id, ticketTypeId, 2);
        await organizer.Client.CheckInOkAsync(created.Id, walkIn.Tickets[0].Code);

        var stats = await organizer.Client.GetFromJsonAsync<EventStatsDto>($"/api/events/{created.Id}/stats", ApiJson.Options);

        stats!.State.ShouldBe(EventState.OnSale);
        (stats.Waiting, stats.Admitted, stats.PendingClaims).ShouldBe((0, 0, 1));
        (stats.Sold, stats.Held, stats.Available).ShouldBe((3, 2, 5));
        stats.CheckedIn.ShouldBe(1);
        var revenue = stats.Revenue.ShouldHaveSingleItem();
        (revenue.Currency, revenue.Bookings, revenue.Gross, revenue.Refunds, revenue.Net).ShouldBe(("USD", 2, 80.00m, 20.00m, 60.00m));
        (await (await CreateUserAsync("Admin")).Client.GetAsync($"/api/events/{created.Id}/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_the_owner_and_admins_see_an_events_stats()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1)));

        var rival = await CreateUserAsync("Organizer");
        await (await rival.Client.GetAsync($"/api/events/{created.Id}/stats")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await organizer.Client.PublishAsync(created.Id);
        await (await rival.Client.GetAsync($"/api/events/{created.Id}/stats")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await (await CreateUserAsync()).Client.GetAsync($"/api/events/{created.Id}/stats")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Factory.CreateClient().GetAsync($"/api/events/{created.Id}/stats")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await (await organizer.Client.GetAsync($"/api/events/{Guid.NewGuid()}/stats")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
