using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

/// <summary>What a client reads twice must read the same: a moment at one precision, a booking's tickets in one order.</summary>
public sealed class TimePrecisionAndTicketOrderTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_check_in_time_reads_the_same_in_the_check_in_answer_and_every_later_read()
    {
        // A clock with a tenth of a microsecond in it, as the system clock has: PostgreSQL keeps microseconds.
        Clock.Advance(TimeSpan.FromTicks(10 - (Now.Ticks % 10) + 7));
        var (organizer, eventId, ticketTypeId) = await OnSaleAsync(capacity: 5);
        var booking = await organizer.Client.SellAtBoxOfficeAsync(eventId, ticketTypeId, 1);

        var checkIn = await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code = booking.Tickets[0].Code });

        checkIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answered = JsonDocument.Parse(await checkIn.Content.ReadAsStringAsync()).RootElement.GetProperty("checkedInAt").GetString()!;
        var read = (await organizer.Client.GetFromJsonAsync<JsonElement>($"/api/bookings/{booking.Id}"))
            .GetProperty("tickets")[0].GetProperty("checkedInAt").GetString()!;
        read.ShouldBe(answered);
        DateTimeOffset.Parse(answered).Ticks.ShouldBe(DateTimeOffset.Parse(answered).Ticks / 10 * 10);
        (await ScalarAsync<DateTime>("SELECT checked_in_at FROM tickets")).ShouldBe(DateTimeOffset.Parse(answered).UtcDateTime);
    }

    [Fact]
    public async Task A_bookings_tickets_come_back_in_the_order_they_were_issued_after_one_of_them_changed()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleAsync(capacity: 10);
        var sold = await organizer.Client.SellAtBoxOfficeAsync(eventId, ticketTypeId, 4);
        var issued = sold.Tickets.Select(t => t.Id).ToList();
        issued.ShouldBe(issued.Order().ToList());

        // An updated row moves within the table, and an unordered read then returns it last.
        await organizer.Client.CheckInOkAsync(eventId, sold.Tickets[0].Code);

        for (var read = 0; read < 3; read++)
        {
            var tickets = (await organizer.Client.GetFromJsonAsync<JsonElement>($"/api/bookings/{sold.Id}")).GetProperty("tickets");
            tickets.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldBe(issued);
        }
    }

    private async Task<(TestUser Organizer, Guid EventId, Guid TicketTypeId)> OnSaleAsync(int capacity)
    {
        var organizer = await CreateUserAsync("Organizer");
        // Starts in two hours: its doors are open (from four hours before the start).
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddHours(2), Now.AddHours(-1), capacity: capacity));
        await organizer.Client.PublishAsync(created.Id);
        return (organizer, created.Id, created.TicketTypes[0].Id);
    }
}
