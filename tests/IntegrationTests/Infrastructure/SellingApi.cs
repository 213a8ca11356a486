using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Claims;
using Ticketing.Application.Events;
using Ticketing.Application.Queue;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>The customer's side of a sale, through HTTP: queue, poll, claim.</summary>
public static class SellingApi
{
    public static object Queued(DateTimeOffset startsAt, DateTimeOffset saleStartsAt, int capacity, int admissionsPerMinute = 6000, int maxTicketsPerCustomer = 4) => new
    {
        title = "Big show",
        startsAt,
        endsAt = startsAt.AddHours(3),
        saleStartsAt,
        currency = "USD",
        ticketTypes = new[] { new { name = "General", price = 50m, capacity } },
        queue = new { enabled = true, admissionsPerMinute, admissionWindowMinutes = 10 },
        maxTicketsPerCustomer,
    };

    public static async Task<QueueEntryDto> JoinQueueAsync(this HttpClient customer, Guid eventId)
    {
        var response = await customer.PostAsync($"/api/events/{eventId}/queue", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<QueueEntryDto>(ApiJson.Options))!;
    }

    public static async Task<QueueEntryDto> PollQueueAsync(this HttpClient customer, Guid eventId) =>
        (await customer.GetFromJsonAsync<QueueEntryDto>($"/api/events/{eventId}/queue/me", ApiJson.Options))!;

    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient customer, Guid eventId, Guid ticketTypeId, int quantity, string? admissionToken = null) =>
        customer.PostAsJsonAsync($"/api/events/{eventId}/claims", new { ticketTypeId, quantity, admissionToken });

    public static Task<HttpResponseMessage> ClaimSeatsAsync(this HttpClient customer, Guid eventId, IEnumerable<Guid> seatIds) =>
        customer.PostAsJsonAsync($"/api/events/{eventId}/claims", new { seatIds });

    public static async Task<ClaimDto> ClaimOkAsync(this HttpClient customer, Guid eventId, Guid ticketTypeId, int quantity, string? admissionToken = null)
    {
        var response = await customer.ClaimAsync(eventId, ticketTypeId, quantity, admissionToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimDto>(ApiJson.Options))!;
    }

    public static async Task<EventDto> GetEventAsync(this HttpClient client, Guid eventId) =>
        (await client.GetFromJsonAsync<EventDto>($"/api/events/{eventId}", ApiJson.Options))!;
}
