using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Accounts;
using Ticketing.Application.Common.Interfaces;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

/// <summary>Each test runs its own API with small limits; the shared one has them raised out of the way.</summary>
public sealed class RateLimitingTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_request_over_the_auth_limit_is_429_RATE_LIMITED_with_Retry_After()
    {
        await using var api = Limited(("Auth", 3, 60));
        var client = api.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/auth/login", new { email = "fan@example.com", password = "wrong-password" });
            await allowed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = "fan@example.com", password = "wrong-password" });

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        retryAfter.ShouldNotBeNull();
        retryAfter.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        // One budget for all the auth endpoints: another one does not start a fresh count.
        await (await client.ForgotPasswordAsync("fan@example.com")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Fact]
    public async Task Requesting_and_verifying_codes_share_one_budget()
    {
        await using var api = Limited(("Otp", 2, 600));
        var client = api.CreateClient();
        (await client.RequestOtpAsync("fan@example.com")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await (await client.VerifyOtpAsync("fan@example.com", "123456")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");

        var refused = await client.RequestOtpAsync("fan@example.com");

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        (await client.PostAsJsonAsync("/api/auth/login", new { email = "fan@example.com", password = "wrong-password" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "other policies keep their own budgets");
    }

    [Fact]
    public async Task Claims_are_limited_per_user()
    {
        await using var api = Limited(("Claims", 2, 60));
        var first = await SignInAsync(api);
        var second = await SignInAsync(api);
        var eventId = Guid.NewGuid();
        for (var i = 0; i < 2; i++)
        {
            var allowed = await first.ClaimAsync(eventId, Guid.NewGuid(), 1);
            allowed.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var refused = await first.ClaimAsync(eventId, Guid.NewGuid(), 1);
        var otherUser = await second.ClaimAsync(eventId, Guid.NewGuid(), 1);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        await otherUser.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Queue_joins_are_limited_per_user()
    {
        await using var api = Limited(("QueueJoin", 2, 60));
        var first = await SignInAsync(api);
        var second = await SignInAsync(api);
        var eventId = Guid.NewGuid();
        for (var i = 0; i < 2; i++)
        {
            var allowed = await first.PostAsync($"/api/events/{eventId}/queue", null);
            await allowed.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        var refused = await first.PostAsync($"/api/events/{eventId}/queue", null);
        var otherUser = await second.PostAsync($"/api/events/{eventId}/queue", null);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        await otherUser.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        // Polling the queue is not joining it.
        (await first.GetAsync($"/api/events/{eventId}/queue/me")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    private TicketingApiFactory Limited(params (string Policy, int PermitLimit, int WindowSeconds)[] limits)
    {
        var api = new TicketingApiFactory(Fixture.ConnectionString);
        foreach (var (policy, permitLimit, windowSeconds) in limits)
        {
            api.Settings[$"RateLimiting:{policy}:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            api.Settings[$"RateLimiting:{policy}:WindowSeconds"] = windowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return api;
    }

    /// <summary>A new customer signed in on <paramref name="api"/>, whose clock their token must agree with.</summary>
    private static async Task<HttpClient> SignInAsync(TicketingApiFactory api)
    {
        var email = $"customer-{Guid.NewGuid():N}@example.com";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IIdentityService>()
                .CreateUserAsync(email, Password, "Limited Customer", ["Customer"], CancellationToken.None);
        }

        var login = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await login.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!.AccessToken);
        return client;
    }
}
