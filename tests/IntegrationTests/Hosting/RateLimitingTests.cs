using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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
            (await client.ForgotPasswordAsync($"fan-{i}@example.com")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var refused = await client.ForgotPasswordAsync("fan@example.com");

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        retryAfter.ShouldNotBeNull();
        retryAfter.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        // One budget for all the password endpoints: another one does not start a fresh count.
        await (await client.PostAsJsonAsync("/api/auth/password/reset", new { token = "not-a-token", newPassword = "a-brand-new-passphrase" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Fact]
    public async Task Requesting_and_verifying_codes_share_one_budget()
    {
        await using var api = Limited(("OtpPerAccount", 2, 600));
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

    [Fact]
    public async Task Many_accounts_behind_one_address_do_not_use_up_each_others_logins()
    {
        // The production limits: a stadium of fans signing in behind one carrier-grade NAT address.
        await using var api = Limited(("Auth", 10, 60), ("LoginPerIp", 300, 60), ("LoginPerAccount", 10, 300));
        var emails = new List<string>();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
            for (var i = 0; i < 40; i++)
            {
                emails.Add($"fan-{i}-{Guid.NewGuid():N}@example.com");
                await identity.CreateUserAsync(emails[^1], Password, "Fan", ["Customer"], CancellationToken.None);
            }
        }

        var client = api.CreateClient();
        foreach (var email in emails)
        {
            var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
            login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_stadium_behind_one_address_keeps_its_sessions_alive_and_signs_its_new_fans_up()
    {
        // The production limits: every fan refreshes and newcomers register, all behind one carrier-grade NAT address.
        await using var api = Limited(("Auth", 10, 60), ("RefreshPerIp", 3000, 60), ("RefreshPerToken", 10, 60),
            ("RegisterPerIp", 300, 60), ("RegisterPerAccount", 5, 600), ("LoginPerIp", 300, 60));
        var refreshTokens = new List<string>();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
            for (var i = 0; i < 30; i++)
            {
                var email = $"fan-{i}-{Guid.NewGuid():N}@example.com";
                await identity.CreateUserAsync(email, Password, "Fan", ["Customer"], CancellationToken.None);
                refreshTokens.Add((await (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = Password }))
                    .Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!.RefreshToken);
            }
        }

        var client = api.CreateClient();
        foreach (var refreshToken in refreshTokens)
        {
            var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
            refresh.StatusCode.ShouldBe(HttpStatusCode.OK, await refresh.Content.ReadAsStringAsync());
        }

        for (var i = 0; i < 30; i++)
        {
            var register = await client.PostAsJsonAsync("/api/auth/register", new { email = $"new-{i}-{Guid.NewGuid():N}@example.com", password = Password, displayName = "New Fan" });
            register.StatusCode.ShouldBe(HttpStatusCode.Created, await register.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task One_refresh_token_or_one_email_to_register_hits_its_own_limit_from_any_address()
    {
        await using var api = BehindProxy(Limited(("RefreshPerToken", 2, 60), ("RegisterPerAccount", 1, 600)));
        var client = api.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            await (await PostFromAsync(client, $"203.0.113.{i + 1}", "/api/auth/refresh", new { refreshToken = "guessed" }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
        }

        await (await PostFromAsync(client, "198.51.100.7", "/api/auth/refresh", new { refreshToken = "guessed" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        await (await PostFromAsync(client, "198.51.100.7", "/api/auth/refresh", new { refreshToken = "another" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");

        var body = new { email = "newcomer@example.com", password = Password, displayName = "New" };
        (await PostFromAsync(client, "203.0.113.1", "/api/auth/register", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await PostFromAsync(client, "203.0.113.2", "/api/auth/register", body with { email = " NEWCOMER@example.com" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Fact]
    public async Task One_account_guessed_at_from_many_addresses_hits_its_own_limit()
    {
        await using var api = BehindProxy(Limited(("LoginPerAccount", 5, 600), ("OtpPerAccount", 3, 600)));
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var allowed = await LoginFromAsync(client, $"203.0.113.{i + 1}", " Target@Example.com ");
            await allowed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        // Another address and the same account, spelt differently: still the same account's budget.
        var refused = await LoginFromAsync(client, "198.51.100.7", "target@example.com");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        await (await LoginFromAsync(client, "198.51.100.7", "someone-else@example.com"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");

        for (var i = 0; i < 3; i++)
        {
            (await PostFromAsync(client, $"192.0.2.{i + 1}", "/api/auth/otp/request", new { email = "target@example.com" }))
                .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await (await PostFromAsync(client, "192.0.2.99", "/api/auth/otp/verify", new { email = "TARGET@example.com", code = "123456" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Theory]
    [InlineData("/api/auth/login", """{"email":"decoy@example.com","email":"target@example.com","password":"wrong-password"}""")]
    [InlineData("/api/auth/otp/request", """{"email":"decoy@example.com","EMAIL":"target@example.com"}""")]
    [InlineData("/api/auth/otp/verify", """{"Email":"decoy@example.com","email":"target@example.com","code":"123456"}""")]
    public async Task A_body_naming_the_email_twice_is_refused_so_the_account_limit_cannot_be_dodged(string path, string body)
    {
        await using var api = Limited(("LoginPerAccount", 1, 600), ("OtpPerAccount", 1, 600));
        var client = api.CreateClient();

        var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        problem.GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_address_has_its_own_budget()
    {
        await using var api = BehindProxy(Limited(("LoginPerIp", 2, 600)));
        var client = api.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            (await LoginFromAsync(client, "203.0.113.1", $"fan-{i}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await (await LoginFromAsync(client, "203.0.113.1", "fan-3@example.com")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        (await LoginFromAsync(client, "203.0.113.2", "fan-3@example.com")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string address, string email) =>
        PostFromAsync(client, address, "/api/auth/login", new { email, password = "wrong-password" });

    private static Task<HttpResponseMessage> PostFromAsync(HttpClient client, string address, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    /// <summary>Every request arrives from 10.0.0.1, configured as the known proxy that sets X-Forwarded-For.</summary>
    private static WebApplicationFactory<Program> BehindProxy(TicketingApiFactory api)
    {
        api.Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1";
        return api.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("10.0.0.1")))));
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
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
