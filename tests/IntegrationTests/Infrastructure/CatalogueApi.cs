using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Events;
using Ticketing.Application.Venues;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>Venues and events made through the API, the way an organizer's app makes them.</summary>
public static class CatalogueApi
{
    public static object GeneralAdmission(DateTimeOffset startsAt, DateTimeOffset saleStartsAt, string title = "Concert", int capacity = 100, decimal price = 25.50m) => new
    {
        title,
        description = "Live music.",
        startsAt,
        endsAt = startsAt.AddHours(3),
        saleStartsAt,
        currency = "USD",
        ticketTypes = new[] { new { name = "General", price, capacity } },
    };

    public static object Seated(Guid venueId, DateTimeOffset startsAt, DateTimeOffset saleStartsAt, string title = "Play") => new
    {
        title,
        venueId,
        startsAt,
        endsAt = startsAt.AddHours(3),
        saleStartsAt,
        currency = "GBP",
        seatPrices = new { standard = 12.50m, deluxe = 40m },
    };

    public static async Task<VenueDto> CreateVenueAsync(this HttpClient organizer, string name = "Hall")
    {
        var response = await organizer.PostAsJsonAsync("/api/venues", new
        {
            name,
            address = "2 Main Street",
            timeZone = "Europe/London",
            sections = new object[]
            {
                new { name = "Stalls", seatType = "Standard", rows = new[] { new { label = "A", seats = 10 }, new { label = "B", seats = 8 } } },
                new { name = "Circle", seatType = "Deluxe", rows = new[] { new { label = "AA", seats = 4 } } },
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<VenueDto>(ApiJson.Options))!;
    }

    public static async Task<EventDto> CreateEventAsync(this HttpClient organizer, object body)
    {
        var response = await organizer.PostAsJsonAsync("/api/events", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EventDto>(ApiJson.Options))!;
    }

    public static async Task<EventDto> PublishAsync(this HttpClient organizer, Guid eventId)
    {
        var response = await organizer.PostAsync($"/api/events/{eventId}/publish", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EventDto>(ApiJson.Options))!;
    }
}
