using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Npgsql;
using Ticketing.Application.Common.Interfaces;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Errors;

/// <summary>Inputs that once answered 500: each is the client's mistake, a 400 that names the field, or a 409.</summary>
public sealed class InputBoundsTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Theory]
    [InlineData("/api/events?page=21474838&pageSize=100")]
    [InlineData("/api/events?page=2147483647")]
    public async Task A_page_whose_offset_overflows_is_400_naming_page(string url)
    {
        var response = await Anonymous().GetAsync(url);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors").TryGetProperty("page", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("92233720368547758.07")]
    [InlineData("1000000000.01")]
    [InlineData("79228162514264337593543950335")]
    public async Task A_price_beyond_what_money_holds_is_400_naming_it(string price)
    {
        var organizer = await CreateUserAsync("Organizer");
        var body = $$"""
            {"title":"Show","startsAt":"{{Now.AddDays(5):O}}","endsAt":"{{Now.AddDays(5).AddHours(2):O}}","saleStartsAt":"{{Now.AddDays(1):O}}",
             "currency":"USD","ticketTypes":[{"name":"General","price":{{price}},"capacity":10}]}
            """;

        var response = await organizer.Client.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        await ShouldNameAsync(response, "ticketTypes[0].price");
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("\"ten\"")]
    public async Task A_price_no_decimal_can_hold_is_400_naming_it(string price)
    {
        var organizer = await CreateUserAsync("Organizer");
        var body = $$"""
            {"title":"Show","startsAt":"{{Now.AddDays(5):O}}","endsAt":"{{Now.AddDays(5).AddHours(2):O}}","saleStartsAt":"{{Now.AddDays(1):O}}",
             "currency":"USD","ticketTypes":[{"name":"General","price":{{price}},"capacity":10}]}
            """;

        var response = await organizer.Client.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST")).GetProperty("errors");
        errors.TryGetProperty("ticketTypes[0].price", out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task A_top_up_beyond_decimal_scale_is_400_naming_the_amount()
    {
        var customer = await CreateUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/top-ups")
        {
            Content = new StringContent("""{"amount":79228162514264337593543950335}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        await ShouldNameAsync(await customer.Client.SendAsync(request), "amount");
    }

    [Fact]
    public async Task A_null_ticket_type_is_400_naming_it()
    {
        var organizer = await CreateUserAsync("Organizer");
        var response = await organizer.Client.PostAsJsonAsync("/api/events", new
        {
            title = "Show", startsAt = Now.AddDays(5), endsAt = Now.AddDays(5).AddHours(2), saleStartsAt = Now.AddDays(1), currency = "USD",
            ticketTypes = new object?[] { null },
        });

        await ShouldNameAsync(response, "ticketTypes[0]");
    }

    [Theory]
    [InlineData("""[null]""", "sections[0]")]
    [InlineData("""[{"name":"Stalls","seatType":"Standard","rows":[null]}]""", "sections[0].rows[0]")]
    public async Task A_null_section_or_row_is_400_naming_it(string sections, string field)
    {
        var organizer = await CreateUserAsync("Organizer");
        var body = $$"""{"name":"Hall","address":"1 Road","timeZone":"Europe/London","sections":{{sections}}}""";

        var response = await organizer.Client.PostAsync("/api/venues", new StringContent(body, Encoding.UTF8, "application/json"));

        await ShouldNameAsync(response, field);
    }

    [Theory]
    [InlineData("0001-01-01T01:00:00Z", "0001-01-01T03:00:00Z", "startsAt")]
    [InlineData("9999-12-31T20:00:00Z", "9999-12-31T23:00:00Z", "endsAt")]
    public async Task An_event_time_at_the_edge_of_the_calendar_is_400_naming_it(string startsAt, string endsAt, string field)
    {
        var organizer = await CreateUserAsync("Organizer");
        var body = $$"""
            {"title":"Show","startsAt":"{{startsAt}}","endsAt":"{{endsAt}}","saleStartsAt":"{{startsAt}}","doorsCloseAt":"{{endsAt}}",
             "currency":"USD","ticketTypes":[{"name":"General","price":10,"capacity":10}]}
            """;

        var response = await organizer.Client.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        await ShouldNameAsync(response, field);
    }

    [Fact]
    public async Task A_NUL_character_in_stored_text_is_400_not_500()
    {
        var organizer = await CreateUserAsync("Organizer");

        var response = await organizer.Client.PostAsJsonAsync("/api/venues", new
        {
            name = "Hall\u0000", address = "1 Road", timeZone = "Europe/London",
            sections = new[] { new { name = "Stalls", seatType = "Standard", rows = new[] { new { label = "A", seats = 2 } } } },
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    }

    [Fact]
    public async Task A_unique_violation_raised_by_a_raw_statement_is_409_CONFLICT()
    {
        // Raw statements surface Npgsql's exception itself, not wrapped in EF's DbUpdateException.
        var line = new Mock<IQueueLine>();
        line.Setup(l => l.NextOrdinalAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), 10));
        await organizer.Client.PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        using var failing = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped(_ => line.Object)));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", customer.Tokens.AccessToken);

        var response = await client.PostAsync($"/api/events/{created.Id}/queue", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
    }

    private static async Task ShouldNameAsync(HttpResponseMessage response, string field)
    {
        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors");
        errors.TryGetProperty(field, out _).ShouldBeTrue(errors.ToString());
    }
}
