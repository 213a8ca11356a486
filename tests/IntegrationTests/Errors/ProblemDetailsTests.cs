using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Ticketing.Application.Common.Interfaces;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Errors;

public sealed class ProblemDetailsTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await Anonymous().GetAsync("/api/no-such-thing");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        problem.GetProperty("instance").GetString().ShouldBe("/api/no-such-thing");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await Anonymous().DeleteAsync("/api/auth/login");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"email\": 42, \"password\": true}")]
    [InlineData("")]
    public async Task A_body_that_is_not_the_expected_JSON_is_400_MALFORMED_REQUEST(string body)
    {
        var response = await Anonymous().PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("Ticketing.");
    }

    [Theory]
    [InlineData("{\"email\": \"a@example.com\", \"pasword\": \"x\"}", "pasword")]
    [InlineData("{\"email\": \"a@example.com\", \"password\": \"x\", \"remember\": true}", "remember")]
    public async Task A_property_the_endpoint_does_not_take_is_400_naming_it_not_ignored(string body, string field)
    {
        var response = await Anonymous().PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
        problem.GetProperty("detail").GetString().ShouldBe($"The request body has a property this endpoint does not take: '{field}'.");
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe("This endpoint does not take this property.");
    }

    [Fact]
    public async Task A_nested_property_the_endpoint_does_not_take_is_named_by_its_path()
    {
        var organizer = await CreateUserAsync("Organizer");
        var body = $$"""
            {"title":"Show","startsAt":"{{Now.AddDays(5):O}}","endsAt":"{{Now.AddDays(5).AddHours(2):O}}","saleStartsAt":"{{Now.AddDays(1):O}}",
             "currency":"USD","ticketTypes":[{"name":"General","price":10,"capacity":10,"capacityy":20}]}
            """;

        var response = await organizer.Client.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST")).GetProperty("errors");
        errors.TryGetProperty("ticketTypes[0].capacityy", out _).ShouldBeTrue(errors.ToString());
        (await ScalarAsync<long>("SELECT count(*) FROM events")).ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/events?state=onsale", "The value of 'state' must be one of: Draft, Scheduled, OnSale, SoldOut, Ended, Cancelled.")]
    [InlineData("/api/events/not-a-uuid", "The value of 'id' is malformed (ids are UUIDs).")]
    [InlineData("/api/events?page=first", "The value of 'page' is malformed.")]
    public async Task A_malformed_query_or_route_value_is_named_with_what_it_should_be(string url, string detail)
    {
        var response = await Anonymous().GetAsync(url);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task A_body_over_one_MiB_is_413_PAYLOAD_TOO_LARGE()
    {
        var huge = new string('x', 1024 * 1024 + 1);

        var response = await Anonymous().PostAsync("/api/auth/login", new StringContent($"{{\"email\":\"{huge}\"}}", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task The_request_id_is_echoed_when_sent_and_generated_when_not()
    {
        var client = Anonymous();
        var echoed = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Request-Id", "client-abc.123" } } };
        var unsafeId = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Request-Id", "bad id with spaces" } } };

        (await client.SendAsync(echoed)).Headers.GetValues("X-Request-Id").Single().ShouldBe("client-abc.123");
        var generated = (await client.GetAsync("/health/live")).Headers.GetValues("X-Request-Id").Single();
        generated.ShouldMatch("^[0-9a-f]{32}$");
        (await client.SendAsync(unsafeId)).Headers.GetValues("X-Request-Id").Single().ShouldNotBe("bad id with spaces");
    }

    [Fact]
    public async Task Every_log_line_of_a_request_carries_its_request_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Headers = { { "X-Request-Id", "trace-me-123" } },
            Content = JsonContent.Create(new { email = "nobody@example.com", password = "wrong-password" }),
        };

        await Anonymous().SendAsync(request);

        var lines = await RequestLinesAsync("trace-me-123");
        lines.ShouldAllBe(e => !e.RenderMessage(null).Contains("wrong-password"));
        var line = lines.ShouldHaveSingleItem().RenderMessage(null);
        line.ShouldStartWith("HTTP \"POST\" \"/api/auth/login\" responded 401 in ");
        line.ShouldEndWith(" ms for \"anonymous\"");
    }

    [Fact]
    public async Task A_request_writes_one_line_naming_its_caller_and_never_its_query_string()
    {
        var user = await CreateUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me?token=do-not-log-me") { Headers = { { "X-Request-Id", "one-line-456" } } };

        (await user.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var line = (await RequestLinesAsync("one-line-456")).ShouldHaveSingleItem();
        line.Properties["UserId"].ToString().ShouldBe($"\"{user.Id}\"");
        line.Properties["StatusCode"].ToString().ShouldBe("200");
        line.RenderMessage(null).ShouldNotContain("do-not-log-me");
    }

    /// <summary>A request's lines at Information and above, once its completion line (written just after the response
    /// reaches the client) is in.</summary>
    private async Task<IReadOnlyList<Serilog.Events.LogEvent>> RequestLinesAsync(string requestId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Factory.Logs.ForRequest(requestId).Any(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)))
        {
            await Task.Delay(50, timeout.Token);
        }

        return Factory.Logs.ForRequest(requestId).Where(e => e.Level >= Serilog.Events.LogEventLevel.Information).ToList();
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_bare_500_that_leaks_nothing()
    {
        const string secret = "Npgsql: relation \"users\" does not exist at Host=db.internal;Password=hunter2";
        var identity = new Mock<IIdentityService>();
        identity.Setup(i => i.FindUserAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException(secret));
        var user = await CreateUserAsync();
        using var failing = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped(_ => identity.Object)));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", user.Tokens.AccessToken);

        var response = await client.GetAsync("/api/auth/me");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        var body = problem.GetRawText();
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain("Npgsql");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain(" at ");
    }
}
