using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Bookings;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>The organizer's side of the day: walk-in sales and the door, through HTTP.</summary>
public static class OperationsApi
{
    public static async Task<BookingDto> SellAtBoxOfficeAsync(this HttpClient organizer, Guid eventId, Guid ticketTypeId, int quantity, string customerName = "Walk In")
    {
        var response = await organizer.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings", new { customerName, ticketTypeId, quantity });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BookingDto>(ApiJson.Options))!;
    }

    public static async Task CheckInOkAsync(this HttpClient door, Guid eventId, string code)
    {
        var response = await door.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
