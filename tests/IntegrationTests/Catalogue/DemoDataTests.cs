using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Infrastructure.Data;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Catalogue;

/// <summary>What a newcomer signing in with the demo logins of scripts/run.sh finds, and can do with it.</summary>
public sealed class DemoDataTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_demo_staff_account_works_the_door_of_the_demo_concert()
    {
        await SeedAsync();
        var organizer = await DemoAsync("organizer@example.com");
        var concert = await EventTitledAsync(organizer, "Demo Concert");
        (await organizer.GetFromJsonAsync<JsonElement>($"/api/events/{concert.GetProperty("id").GetGuid()}/staff"))
            .EnumerateArray().Select(s => s.GetProperty("email").GetString()).ShouldBe(["staff@example.com"]);
        var code = (await organizer.SellAtBoxOfficeAsync(concert.GetProperty("id").GetGuid(), concert.GetProperty("ticketTypes")[0].GetProperty("id").GetGuid(), 1)).Tickets[0].Code;

        var staff = await DemoAsync("staff@example.com");

        await staff.CheckInOkAsync(concert.GetProperty("id").GetGuid(), code);
    }

    [Fact]
    public async Task The_demo_customer_has_wallet_money_and_the_money_audit_still_balances()
    {
        await SeedAsync();

        var wallet = await (await DemoAsync("customer@example.com")).GetFromJsonAsync<JsonElement>("/api/me/wallet");
        wallet.GetProperty("balance").GetDecimal().ShouldBe(200.00m);
        wallet.GetProperty("currency").GetString().ShouldBe("USD");
        (await ScalarAsync<long>("SELECT count(*) FROM wallet_transactions")).ShouldBe(1);

        var audit = await (await DemoAsync("admin@example.com")).GetFromJsonAsync<JsonElement>("/api/admin/money-audit");
        audit.GetProperty("drifts").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task There_is_a_sold_out_event_a_customer_cannot_claim_and_an_event_that_is_over()
    {
        await SeedAsync();
        var organizer = await DemoAsync("organizer@example.com");

        var soldOut = await EventTitledAsync(organizer, "Demo Club Night");
        soldOut.GetProperty("state").GetString().ShouldBe("SoldOut");
        var claim = await (await DemoAsync("customer@example.com"))
            .ClaimAsync(soldOut.GetProperty("id").GetGuid(), soldOut.GetProperty("ticketTypes")[0].GetProperty("id").GetGuid(), 1);
        await claim.ShouldBeProblemAsync(HttpStatusCode.Gone, "SOLD_OUT");
        (await EventTitledAsync(organizer, "Demo Jazz Evening")).GetProperty("state").GetString().ShouldBe("Ended");
    }

    [Fact]
    public async Task Seeding_again_on_the_next_start_adds_nothing()
    {
        await SeedAsync();
        var events = await ScalarAsync<long>("SELECT count(*) FROM events");

        await SeedAsync();

        (await ScalarAsync<long>("SELECT count(*) FROM events")).ShouldBe(events);
        (await ScalarAsync<long>("SELECT count(*) FROM wallet_transactions")).ShouldBe(1);
    }

    private async Task SeedAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().SeedDemoDataAsync(CancellationToken.None);
    }

    private async Task<HttpClient> DemoAsync(string email) =>
        WithToken((await LoginAsync(email, DatabaseInitializer.DemoPassword)).AccessToken);

    private static async Task<JsonElement> EventTitledAsync(HttpClient organizer, string title) =>
        (await organizer.GetFromJsonAsync<JsonElement>("/api/events?pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal));
}
