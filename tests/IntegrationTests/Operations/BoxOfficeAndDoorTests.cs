using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Bookings;
using Ticketing.Application.Door.Commands.CheckInTicket;
using Ticketing.Application.Events.Queries.GetEventSeats;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Payments;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

public sealed class BoxOfficeAndDoorTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task The_box_office_sells_to_a_walk_in_for_cash_at_once_within_the_stock()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleAsync(capacity: 3);

        var sold = await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings",
            new { customerName = "Walk In", customerPhone = "+234 800 000 0000", ticketTypeId, quantity = 2 });

        sold.StatusCode.ShouldBe(HttpStatusCode.Created, await sold.Content.ReadAsStringAsync());
        var booking = (await sold.Content.ReadFromJsonAsync<BookingDto>(ApiJson.Options))!;
        booking.PaymentMethod.ShouldBe(PaymentMethod.Cash);
        booking.Status.ShouldBe(BookingStatus.Confirmed);
        booking.HolderName.ShouldBe("Walk In");
        booking.Tickets.Count.ShouldBe(2);
        booking.Total.ShouldBe(51.00m);
        (await ScalarAsync<int>("SELECT sold FROM ticket_types")).ShouldBe(2);
        (await ScalarAsync<string>("SELECT action FROM audit_log WHERE kind = 'Privileged'")).ShouldBe("box-office.sale");

        var tooMany = await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings", new { customerName = "Late", ticketTypeId, quantity = 2 });
        await tooMany.ShouldBeProblemAsync(HttpStatusCode.Conflict, "INSUFFICIENT_INVENTORY");
        await (await CreateUserAsync()).Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        var none = await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings", new { customerName = "Later", ticketTypeId, quantity = 1 });
        await none.ShouldBeProblemAsync(HttpStatusCode.Gone, "SOLD_OUT");
    }

    [Fact]
    public async Task Only_the_owning_organizer_or_an_admin_runs_the_box_office()
    {
        var (_, eventId, ticketTypeId) = await OnSaleAsync(capacity: 3);
        var body = new { customerName = "Walk In", ticketTypeId, quantity = 1 };

        await (await (await CreateUserAsync("Organizer")).Client.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings", body))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await (await CreateUserAsync()).Client.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings", body))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await (await CreateUserAsync("Admin")).Client.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_box_office_sells_seats_all_or_nothing()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.Seated(venue.Id, Now.AddDays(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var seats = (await Anonymous().GetFromJsonAsync<EventSeatMapDto>($"/api/events/{created.Id}/seats", ApiJson.Options))!.Sections[0].Rows[0].Seats.Select(s => s.Id).ToList();

        var first = await organizer.Client.PostAsJsonAsync($"/api/events/{created.Id}/box-office/bookings", new { customerName = "A", seatIds = seats.Take(2) });
        (await first.Content.ReadFromJsonAsync<BookingDto>(ApiJson.Options))!.Tickets.Select(t => t.Seat).ShouldBe(["Stalls A 1", "Stalls A 2"], ignoreOrder: true);
        var overlapping = await organizer.Client.PostAsJsonAsync($"/api/events/{created.Id}/box-office/bookings", new { customerName = "B", seatIds = seats.Skip(1).Take(2) });

        await overlapping.ShouldBeProblemAsync(HttpStatusCode.Conflict, "SEATS_UNAVAILABLE");
        (await ScalarAsync<long>("SELECT count(*) FROM event_seats WHERE status = 'Sold'")).ShouldBe(2);
    }

    [Fact]
    public async Task Assigned_staff_check_tickets_in_once_and_staff_of_another_event_are_refused()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleAsync(capacity: 10);
        var staff = await CreateUserAsync("Staff");
        var otherStaff = await CreateUserAsync("Staff");
        var customer = await CreateUserAsync();
        var notStaff = await organizer.Client.PutAsJsonAsync($"/api/events/{eventId}/staff", new { userIds = new[] { customer.Id } });
        (await notStaff.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors").TryGetProperty("userIds", out _).ShouldBeTrue();
        (await organizer.Client.PutAsJsonAsync($"/api/events/{eventId}/staff", new { userIds = new[] { staff.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await organizer.Client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/staff"))[0].GetProperty("email").GetString().ShouldBe(staff.Email);
        var code = (await organizer.Client.SellAtBoxOfficeAsync(eventId, ticketTypeId, 1)).Tickets[0].Code;

        await (await otherStaff.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var admitted = await staff.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code, gate = "North" });
        admitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var firstJson = await admitted.Content.ReadFromJsonAsync<JsonElement>();
        var first = firstJson.Deserialize<CheckInDto>(ApiJson.Options)!;
        first.HolderName.ShouldBe("Walk In");
        first.TicketType.ShouldBe("General");

        var again = await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code });
        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "ALREADY_CHECKED_IN");
        problem.GetProperty("detail").GetString()!.ShouldContain("North");
        problem.GetProperty("detail").GetString()!.ShouldContain($"at {firstJson.GetProperty("checkedInAt").GetString()} (North)");
        var attendees = await organizer.Client.GetStringAsync($"/api/events/{eventId}/attendees.csv");
        attendees.Split("\r\n")[1].ShouldEndWith($",CheckedIn,{firstJson.GetProperty("checkedInAt").GetString()}");
        (await staff.Client.GetAsync($"/api/bookings/{(await ScalarAsync<Guid>("SELECT id FROM bookings"))}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Eight_simultaneous_scans_of_one_ticket_admit_it_exactly_once()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleAsync(capacity: 10);
        var code = (await organizer.Client.SellAtBoxOfficeAsync(eventId, ticketTypeId, 1)).Tickets[0].Code;

        var scans = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            WithToken(organizer.Tokens.AccessToken).PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code, gate = $"Gate {i}" })));

        scans.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in scans.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "ALREADY_CHECKED_IN");
        }

        (await ScalarAsync<long>("SELECT count(*) FROM tickets WHERE status = 'CheckedIn'")).ShouldBe(1);
    }

    [Fact]
    public async Task Forged_void_and_foreign_tickets_are_refused_at_the_door()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleAsync(capacity: 10);
        var (_, otherEventId, otherTicketTypeId) = await OnSaleAsync(capacity: 10, organizer);
        var booking = await organizer.Client.SellAtBoxOfficeAsync(eventId, ticketTypeId, 2);
        var foreign = (await organizer.Client.SellAtBoxOfficeAsync(otherEventId, otherTicketTypeId, 1)).Tickets[0].Code;
        var code = booking.Tickets[0].Code;

        await (await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code = code[..^3] + "xyz" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code = "hello" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code = foreign })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");

        await organizer.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null);
        await (await organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
    }

    private async Task<(TestUser Organizer, Guid EventId, Guid TicketTypeId)> OnSaleAsync(int capacity, TestUser? organizer = null)
    {
        organizer ??= await CreateUserAsync("Organizer");
        // Starts in two hours: its doors are open (from four hours before the start).
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddHours(2), Now.AddHours(-1), capacity: capacity));
        await organizer.Client.PublishAsync(created.Id);
        return (organizer, created.Id, created.TicketTypes[0].Id);
    }
}
