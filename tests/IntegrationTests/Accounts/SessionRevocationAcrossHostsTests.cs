using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Infrastructure.Identity;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

/// <summary>Sessions are checked in memory on each instance (ADR 0019); an ending on one instance reaches every other.</summary>
public sealed class SessionRevocationAcrossHostsTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_logout_on_one_instance_ends_the_token_on_another()
    {
        await using var second = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock);
        await InMemoryAsync(second);
        var user = await CreateUserAsync();
        var onSecond = OnHost(second, user.Tokens.AccessToken);
        (await onSecond.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await user.Client.PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await StatusWithinAsync(onSecond, HttpStatusCode.Unauthorized)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_its_listening_connection_drops_an_instance_reconnects_and_still_hears_logouts()
    {
        await using var second = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock);
        await InMemoryAsync(second);
        var before = await ScalarAsync<int[]>($"SELECT array_agg(pid) FROM ({ListeningConnections}) l");

        (await ScalarAsync<long>($"SELECT count(pg_terminate_backend(pid)) FROM ({ListeningConnections}) l")).ShouldBe(before.Length);
        (await WithinAsync(async () =>
        {
            var now = await ScalarAsync<int[]>($"SELECT coalesce(array_agg(pid), '{{}}') FROM ({ListeningConnections}) l");
            return now.Length == before.Length && !now.Intersect(before).Any();
        })).ShouldBeTrue();
        await InMemoryAsync(second);

        var user = await CreateUserAsync();
        var onSecond = OnHost(second, user.Tokens.AccessToken);
        (await onSecond.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Client.PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await StatusWithinAsync(onSecond, HttpStatusCode.Unauthorized)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    // Each host's listener: its last statement was a LISTEN, and it has waited ever since.
    private const string ListeningConnections = "SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()";

    private static HttpClient OnHost(TicketingApiFactory host, string accessToken)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Waits until the host answers from memory, so the test shows what the NOTIFY did, not the database fallback.</summary>
    private static async Task InMemoryAsync(TicketingApiFactory host)
    {
        var revocations = host.Services.GetRequiredService<SessionRevocations>();
        (await WithinAsync(() => Task.FromResult(revocations.IsRevoked(Guid.NewGuid()) is not null))).ShouldBeTrue();
    }

    private static async Task<HttpStatusCode> StatusWithinAsync(HttpClient client, HttpStatusCode expected)
    {
        var status = HttpStatusCode.OK;
        await WithinAsync(async () => (status = (await client.GetAsync("/api/auth/me")).StatusCode) == expected);
        return status;
    }

    private static async Task<bool> WithinAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
