using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Ticketing.Application.Accounts;
using Ticketing.Application.ApiKeys;
using Ticketing.Domain.ApiKeys;
using Ticketing.Infrastructure.ApiKeys;
using Ticketing.IntegrationTests.Infrastructure;
using Ticketing.WebApi.Live;

namespace Ticketing.IntegrationTests.Security;

/// <summary>
/// The gate is read at start-up, so these tests run their own API with <c>Security:RequireApiKey</c> on (same
/// database). Keys are issued through the shared API, where the gate is off, as an operator would before turning it on.
/// </summary>
public sealed class ApiKeyGateTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Without_a_valid_key_every_business_endpoint_answers_401_API_KEY_REQUIRED()
    {
        await using var gated = StartGated();
        var client = gated.CreateClient();

        await (await client.GetAsync("/api/events")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");
        await (await client.PostAsJsonAsync("/api/auth/login", new { email = "a@example.com", password = "whatever-it-is" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");
        await (await client.GetAsync("/api/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");
        await (await Send(client, "/api/events", ApiKeySecret.Generate().Key)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");
        await (await Send(client, "/api/events", "garbage")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");
        // The first refusal from this source is written; the four after it are counted, not written one by one.
        (await ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'request.denied.api-key' AND kind = 'Denied' AND status = 401 AND path = '/api/events'"))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_valid_key_opens_the_API_and_its_use_is_recorded_at_most_once_a_minute()
    {
        var key = await IssueKeyAsync();
        await using var gated = StartGated();
        var client = WithKey(gated, key.Key);

        (await client.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var firstUse = gated.Clock.GetUtcNow();
        var customer = await LoginAsync(gated, key.Key);
        (await customer.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LastUsedAtAsync(key.Id)).ShouldBe(firstUse, TimeSpan.FromMilliseconds(1));

        gated.Clock.Advance(TimeSpan.FromSeconds(30));
        (await client.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LastUsedAtAsync(key.Id)).ShouldBe(firstUse, TimeSpan.FromMilliseconds(1));

        gated.Clock.Advance(TimeSpan.FromSeconds(31));
        (await client.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LastUsedAtAsync(key.Id)).ShouldBe(gated.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_revoked_key_stops_working_once_the_cache_window_has_passed()
    {
        var admin = await CreateUserAsync("Admin");
        var key = await admin.Client.IssueApiKeyAsync();
        await using var gated = StartGated();
        var client = WithKey(gated, key.Key);
        (await client.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.Client.DeleteAsync($"/api/admin/api-keys/{key.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        gated.Clock.Advance(ApiKeyValidator.CacheLifetime + TimeSpan.FromSeconds(1));

        await (await client.GetAsync("/api/events")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");
    }

    [Fact]
    public async Task A_signed_in_caller_without_a_key_is_refused_and_recorded_by_name()
    {
        var key = await IssueKeyAsync();
        var user = await CreateUserAsync();
        await using var gated = StartGated();
        var token = (await (await WithKey(gated, key.Key).PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password }))
            .Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!.AccessToken;
        var withoutKey = gated.CreateClient();
        withoutKey.DefaultRequestHeaders.Authorization = new("Bearer", token);

        await (await withoutKey.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");

        (await ScalarAsync<Guid>("SELECT user_id FROM audit_log WHERE action = 'request.denied.api-key' AND path = '/api/auth/me'")).ShouldBe(user.Id);
    }

    [Fact]
    public async Task Webhooks_health_the_root_documents_and_development_tools_need_no_key()
    {
        await using var gated = StartGated();
        var client = gated.CreateClient();

        // The gate let it through: the webhook's own check (its signature) is what refuses it.
        await (await client.PostAsync("/api/webhooks/payments/simulated", JsonContent.Create(new { @event = "charge.success" })))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/dev/mailbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync<long>("SELECT count(*) FROM audit_log")).ShouldBe(0);
    }

    [Fact]
    public async Task The_live_hub_takes_the_key_as_the_api_key_query_parameter()
    {
        var key = await IssueKeyAsync();
        var user = await CreateUserAsync();
        await using var gated = StartGated();
        var token = (await (await WithKey(gated, key.Key).PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password }))
            .Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!.AccessToken;

        await using var withoutKey = Hub(gated, LiveHub.Path, token);
        var refused = await Should.ThrowAsync<HttpRequestException>(() => withoutKey.StartAsync());
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var withKey = Hub(gated, $"{LiveHub.Path}?api_key={Uri.EscapeDataString(key.Key)}", token);
        await withKey.StartAsync();
        // The call reaches the hub, which answers that there is no such event.
        (await Should.ThrowAsync<HubException>(() => withKey.InvokeAsync("WatchQueue", Guid.NewGuid())))
            .Message.ShouldContain("There is no such event.");
        withKey.State.ShouldBe(HubConnectionState.Connected);
    }

    [Fact]
    public async Task The_API_document_of_a_gated_deployment_requires_the_key_beside_the_token()
    {
        await using var gated = StartGated();

        var document = JsonNode.Parse(await gated.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>().ShouldBe("X-Api-Key");
        var me = document["paths"]!["/api/auth/me"]!["get"]!["security"]!.AsArray().Single()!.AsObject();
        me.Select(s => s.Key).ShouldBe(["Bearer", "ApiKey"], ignoreOrder: true);
        document["paths"]!["/api/events"]!["get"]!["security"]!.AsArray().Single()!.AsObject().Select(s => s.Key).ShouldBe(["ApiKey"]);
        document["paths"]!["/api/webhooks/payments/{provider}"]!["post"]!["security"].ShouldBeNull();

        var ungated = JsonNode.Parse(await Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        ungated["components"]!["securitySchemes"]!["ApiKey"].ShouldNotBeNull();
        ungated["paths"]!["/api/events"]!["get"]!["security"].ShouldBeNull();
    }

    private TicketingApiFactory StartGated()
    {
        var gated = new TicketingApiFactory(Fixture.ConnectionString);
        gated.Settings["Security:RequireApiKey"] = "true";
        return gated;
    }

    private async Task<IssuedApiKeyDto> IssueKeyAsync()
    {
        var admin = await CreateUserAsync("Admin");
        return await admin.Client.IssueApiKeyAsync();
    }

    private static HttpClient WithKey(TicketingApiFactory api, string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Logs in through the gated API itself: its clock, not the shared one, judges the token.</summary>
    private async Task<HttpClient> LoginAsync(TicketingApiFactory api, string key)
    {
        var user = await CreateUserAsync();
        var response = await WithKey(api, key).PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password });
        response.EnsureSuccessStatusCode();
        var client = WithKey(api, key);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!.AccessToken);
        return client;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string key) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Api-Key", key } } });

    private async Task<DateTimeOffset> LastUsedAtAsync(Guid id) =>
        new(await ScalarAsync<DateTime>("SELECT last_used_at FROM api_keys WHERE id = @id", ("id", id)));

    private static HubConnection Hub(TicketingApiFactory api, string path, string accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Server.BaseAddress, path), options =>
        {
            options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
        })
        .Build();
}
