using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

public sealed class AttendeesAndRevenueTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task The_attendee_list_has_a_row_per_ticket_and_no_cell_a_spreadsheet_would_run()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var ticketTypeId = created.TicketTypes[0].Id;
        foreach (var name in new[] { "=HYPERLINK(\"http://evil\")", "+1 555", "@SUM(A1)", "-2+3", "Ada Lovelace" })
        {
            (await organizer.Client.PostAsJsonAsync($"/api/events/{created.Id}/box-office/bookings", new { customerName = name, ticketTypeId, quantity = 1 }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var response = await organizer.Client.GetAsync($"/api/events/{created.Id}/attendees.csv");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv", await response.Content.ReadAsStringAsync());
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Booking,Ticket,Holder,Email,Phone,SeatOrType,Status,CheckedInAt");
        lines.Length.ShouldBe(6);
        var holders = lines.Skip(1).Select(l => l.Split(',')[2]).ToList();
        holders.ShouldContain("Ada Lovelace");
        holders.Where(h => h != "Ada Lovelace").ShouldAllBe(h => h.TrimStart('"').StartsWith('\''));
        lines.Skip(1).ShouldAllBe(l => l.Contains(",General,Valid,"));

        await (await (await CreateUserAsync()).Client.GetAsync($"/api/events/{created.Id}/attendees.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var staff = await CreateUserAsync("Staff");
        await (await staff.Client.GetAsync($"/api/events/{created.Id}/attendees.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await organizer.Client.PutAsJsonAsync($"/api/events/{created.Id}/staff", new { userIds = new[] { staff.Id } });
        (await staff.Client.GetAsync($"/api/events/{created.Id}/attendees.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revenue_equals_the_bookings_made_by_event_method_and_day_and_organizers_see_their_own()
    {
        var organizer = await CreateUserAsync("Organizer");
        var rival = await CreateUserAsync("Organizer");
        var admin = await CreateUserAsync("Admin");
        var concert = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), "Concert", price: 25.50m));
        await organizer.Client.PublishAsync(concert.Id);
        var rivalShow = await rival.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddHours(-1), "Rival", price: 10m));
        await rival.Client.PublishAsync(rivalShow.Id);

        // Cash 2 × 25.50, wallet 1 × 25.50 (then cancelled: refunded), rival cash 3 × 10.
        await organizer.Client.PostAsJsonAsync($"/api/events/{concert.Id}/box-office/bookings", new { customerName = "Cash", ticketTypeId = concert.TicketTypes[0].Id, quantity = 2 });
        var customer = await CreateUserAsync();
        await Factory.FundWalletAsync(customer.Id, 10_000);
        var claim = await customer.Client.ClaimOkAsync(concert.Id, concert.TicketTypes[0].Id, 1);
        await customer.Client.PayAsync(claim.Id, "Wallet");
        await customer.Client.PostAsync($"/api/bookings/{await ScalarAsync<Guid>("SELECT id FROM bookings WHERE payment_method = 'Wallet'")}/cancel", null);
        await rival.Client.PostAsJsonAsync($"/api/events/{rivalShow.Id}/box-office/bookings", new { customerName = "Cash", ticketTypeId = rivalShow.TicketTypes[0].Id, quantity = 3 });

        var byEvent = await Rows(admin, "groupBy=event");
        byEvent.Count.ShouldBe(2);
        var concertRow = byEvent.Single(r => r.GetProperty("label").GetString() == "Concert");
        concertRow.GetProperty("bookings").GetInt32().ShouldBe(2);
        concertRow.GetProperty("tickets").GetInt32().ShouldBe(3);
        concertRow.GetProperty("gross").GetDecimal().ShouldBe(76.50m);
        concertRow.GetProperty("refunds").GetDecimal().ShouldBe(25.50m);
        concertRow.GetProperty("net").GetDecimal().ShouldBe(51.00m);
        byEvent.Single(r => r.GetProperty("label").GetString() == "Rival").GetProperty("gross").GetDecimal().ShouldBe(30.00m);

        var byMethod = await Rows(admin, "groupBy=method");
        byMethod.Select(r => (r.GetProperty("key").GetString(), r.GetProperty("net").GetDecimal())).ShouldBe([("Cash", 81.00m), ("Wallet", 0.00m)]);
        var byDay = await Rows(admin, "groupBy=DAY");
        byDay.ShouldHaveSingleItem().GetProperty("key").GetString().ShouldBe(Now.UtcDateTime.ToString("yyyy-MM-dd"));

        var own = await Rows(organizer, "groupBy=event");
        own.ShouldHaveSingleItem().GetProperty("label").GetString().ShouldBe("Concert");
        (await Rows(admin, $"groupBy=event&from={Uri.EscapeDataString(Now.AddMinutes(1).ToString("O"))}")).ShouldBeEmpty();
        (await Rows(admin, "")).Count.ShouldBe(2, "rows are per event unless asked otherwise");
        (await (await admin.Client.GetAsync("/api/reports/revenue?groupBy=week")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR"))
            .GetProperty("errors").TryGetProperty("groupBy", out _).ShouldBeTrue();
        await (await customer.Client.GetAsync("/api/reports/revenue")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    private static async Task<List<JsonElement>> Rows(TestUser user, string query) =>
        (await user.Client.GetFromJsonAsync<JsonElement>($"/api/reports/revenue?{query}")).EnumerateArray().ToList();
}
