using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Bookings;
using Ticketing.Application.Events.Commands.EndFinishedEvents;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

/// <summary>Who may do what to an event and its bookings: staff check in, organizers run their own events — while they hold the role.</summary>
public sealed class EventPowersTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Door_staff_see_a_booking_without_its_ticket_codes_and_cannot_cancel_it()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var staff = await AssignedStaffAsync(organizer, eventId);
        var customer = await CreateUserAsync();
        var booking = await BookByWalletAsync(customer, eventId, ticketTypeId, 2);

        var seen = (await staff.Client.GetFromJsonAsync<BookingDto>($"/api/bookings/{booking.Id}", ApiJson.Options))!;

        seen.Tickets.ShouldAllBe(t => t.Code == string.Empty);
        await (await staff.Client.GetAsync($"/api/tickets/{booking.Tickets[0].Id}/qr")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await staff.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await ScalarAsync<string>("SELECT status FROM bookings")).ShouldBe("Confirmed");
        (await ScalarAsync<long>("SELECT balance FROM wallets WHERE customer_id = @id", ("id", customer.Id))).ShouldBe(10_000 - 5_100);
        (await organizer.Client.GetFromJsonAsync<BookingDto>($"/api/bookings/{booking.Id}", ApiJson.Options))!.Tickets.ShouldAllBe(t => t.Code != string.Empty);
        await staff.Client.CheckInOkAsync(eventId, booking.Tickets[0].Code);
    }

    [Theory]
    [InlineData("Customer", "customer")]
    [InlineData("Organizer", "organizer")]
    [InlineData("Admin", "admin")]
    public async Task A_cancellation_s_audit_row_names_who_cancelled_and_in_which_role(string actor, string role)
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var customer = await CreateUserAsync();
        var booking = await BookByWalletAsync(customer, eventId, ticketTypeId, 1);
        var canceller = actor switch
        {
            "Customer" => customer,
            "Organizer" => organizer,
            _ => await CreateUserAsync("Admin"),
        };

        (await canceller.Client.PostAsync($"/api/bookings/{booking.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ScalarAsync<Guid>("SELECT user_id FROM audit_log WHERE action = 'booking.cancelled'")).ShouldBe(canceller.Id);
        (await ScalarAsync<string>("SELECT details FROM audit_log WHERE action = 'booking.cancelled'")).ShouldContain($"by the {role}");
    }

    [Fact]
    public async Task An_organizer_whose_role_was_removed_loses_their_events_at_once()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var code = (await organizer.Client.SellAtBoxOfficeAsync(eventId, ticketTypeId, 1)).Tickets[0].Code;
        var bookingId = await ScalarAsync<Guid>("SELECT id FROM bookings");
        await SetRolesAsync(organizer, "Customer");

        // The access token issued while they were an organizer stops working, not in 15 minutes.
        await (await organizer.Client.PostAsync($"/api/events/{eventId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        var signedInAgain = WithToken((await LoginAsync(organizer.Email, Password)).AccessToken);
        await (await signedInAgain.PostAsync($"/api/events/{eventId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await signedInAgain.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await signedInAgain.PostAsync($"/api/bookings/{bookingId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await ScalarAsync<string>("SELECT state FROM events")).ShouldBe("OnSale");
        (await ScalarAsync<string>("SELECT status FROM bookings")).ShouldBe("Confirmed");
    }

    [Fact]
    public async Task Staff_whose_role_was_removed_lose_the_door_and_the_bookings_of_the_event()
    {
        var (organizer, eventId, ticketTypeId) = await OnSaleSoonAsync();
        var staff = await AssignedStaffAsync(organizer, eventId);
        var booking = await organizer.Client.SellAtBoxOfficeAsync(eventId, ticketTypeId, 1);
        await SetRolesAsync(staff, "Customer");

        var signedInAgain = WithToken((await LoginAsync(staff.Email, Password)).AccessToken);

        await (await signedInAgain.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code = booking.Tickets[0].Code }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await signedInAgain.GetAsync($"/api/bookings/{booking.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await signedInAgain.GetAsync($"/api/events/{eventId}/attendees.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await ScalarAsync<long>("SELECT count(*) FROM tickets WHERE status = 'CheckedIn'")).ShouldBe(0);
    }

    [Fact]
    public async Task Staff_can_be_removed_from_an_ended_event_but_not_added_to_it()
    {
        var (organizer, eventId, _) = await OnSaleSoonAsync();
        var staff = await AssignedStaffAsync(organizer, eventId);
        var newcomer = await CreateUserAsync("Staff");
        Clock.Advance(TimeSpan.FromHours(6));
        (await SendAsync(new EndFinishedEventsCommand())).ShouldBe(1);
        var organizerApp = WithToken((await LoginAsync(organizer.Email, Password)).AccessToken);

        var removed = await organizerApp.PutAsJsonAsync($"/api/events/{eventId}/staff", new { userIds = Array.Empty<Guid>() });

        removed.StatusCode.ShouldBe(HttpStatusCode.OK, await removed.Content.ReadAsStringAsync());
        (await organizerApp.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/staff")).GetArrayLength().ShouldBe(0);
        await (await organizerApp.PutAsJsonAsync($"/api/events/{eventId}/staff", new { userIds = new[] { newcomer.Id } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        var staffApp = WithToken((await LoginAsync(staff.Email, Password)).AccessToken);
        await (await staffApp.GetAsync($"/api/events/{eventId}/attendees.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    private async Task SetRolesAsync(TestUser user, params string[] roles)
    {
        var admin = await CreateUserAsync("Admin");
        (await admin.Client.PutAsJsonAsync($"/api/admin/users/{user.Id}/roles", new { roles })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<TestUser> AssignedStaffAsync(TestUser organizer, Guid eventId)
    {
        var staff = await CreateUserAsync("Staff");
        (await organizer.Client.PutAsJsonAsync($"/api/events/{eventId}/staff", new { userIds = new[] { staff.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return staff;
    }

    private async Task<(TestUser Organizer, Guid EventId, Guid TicketTypeId)> OnSaleSoonAsync()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddHours(2), Now.AddHours(-1), capacity: 10));
        await organizer.Client.PublishAsync(created.Id);
        return (organizer, created.Id, created.TicketTypes[0].Id);
    }

    private async Task<BookingDto> BookByWalletAsync(TestUser customer, Guid eventId, Guid ticketTypeId, int quantity)
    {
        await Factory.FundWalletAsync(customer.Id, 10_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, quantity);
        (await customer.Client.PayAsync(claim.Id, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/bookings")).GetProperty("items")[0].Deserialize<BookingDto>(ApiJson.Options)!;
    }
}
