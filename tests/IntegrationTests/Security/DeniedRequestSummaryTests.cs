using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Security;

/// <summary>Refusals of unauthenticated probes cost no more than one audit row per source and window, and the rest is counted.</summary>
public sealed class DeniedRequestSummaryTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Repeated_scanner_probes_from_one_source_write_one_row_and_then_their_count()
    {
        var client = Anonymous();
        for (var i = 0; i < 30; i++)
        {
            (await client.GetAsync(i % 2 == 0 ? "/.env" : "/wp-login.php")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await ScalarAsync<long>("SELECT count(*) FROM audit_log")).ShouldBe(1);

        Clock.Advance(TimeSpan.FromMinutes(2));
        (await client.GetAsync("/.git/config")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'request.denied.scanner'")).ShouldBe(3);
        (await ScalarAsync<string>("SELECT details FROM audit_log WHERE details LIKE '%repeated%'")).ShouldContain("repeated 29 more times");
    }

    [Fact]
    public async Task Requests_without_an_API_key_are_summarised_the_same_way()
    {
        await using var gated = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock) { Settings = { ["Security:RequireApiKey"] = "true" } };
        var client = gated.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'request.denied.api-key'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_flood_from_one_address_meets_the_global_limit_before_anything_is_written()
    {
        await using var api = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock)
        {
            Settings = { ["RateLimiting:Global:PermitLimit"] = "5", ["RateLimiting:Global:WindowSeconds"] = "600" },
        };
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync("/.env")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var refused = await client.GetAsync("/.env");

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        (await api.CreateClient().GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Signed_in_callers_behind_one_address_each_have_their_own_global_budget()
    {
        await using var api = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock)
        {
            Settings = { ["RateLimiting:Global:PermitLimit"] = "5", ["RateLimiting:Global:WindowSeconds"] = "600" },
        };
        var tokens = new List<string>();
        foreach (var name in new[] { "first", "second" })
        {
            var email = $"{name}-{Guid.NewGuid():N}@example.com";
            var anonymous = api.CreateClient();
            (await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = "Ticketing#2026", displayName = name })).EnsureSuccessStatusCode();
            var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "Ticketing#2026" });
            tokens.Add((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        }

        // The address has spent its anonymous budget (two registrations, two logins) but for one request.
        foreach (var token in tokens)
        {
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            for (var i = 0; i < 5; i++)
            {
                (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            await (await client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        }

        (await api.CreateClient().GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await api.CreateClient().GetAsync("/api/events")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }
}
