using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>A key whose request died between claiming it and storing the response is free again once its lease ends.</summary>
public sealed class IdempotencyLeaseTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    // Idempotency:InProgressLease as configured by default.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_key_left_in_progress_by_a_crash_is_409_within_its_lease_and_runs_again_after_it()
    {
        var (claimId, customer) = await ClaimAsync();
        await CrashAfterClaimingKeyAsync(customer, claimId, "crashed");

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        await (await customer.Client.PayAsync(claimId, "Card", "crashed")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "REQUEST_IN_PROGRESS");

        Clock.Advance(TimeSpan.FromSeconds(2));
        var retried = await customer.Client.PayAsync(claimId, "Card", "crashed");
        retried.StatusCode.ShouldBe(HttpStatusCode.Created, await retried.Content.ReadAsStringAsync());
        var replayed = await customer.Client.PayAsync(claimId, "Card", "crashed");
        (await replayed.Content.ReadAsStringAsync()).ShouldBe(await retried.Content.ReadAsStringAsync());
        (await ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_retries_after_the_lease_take_the_key_over_once()
    {
        var (claimId, customer) = await ClaimAsync();
        await CrashAfterClaimingKeyAsync(customer, claimId, "crashed");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => WithToken(customer.Tokens.AccessToken).PayAsync(claimId, "Card", "crashed")));

        // One retry runs; the rest see it running (409 REQUEST_IN_PROGRESS) or replay its response. A second run
        // would meet the first one's payment and answer 409 INVALID_STATE instead.
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        created.ShouldNotBeEmpty();
        (await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()))).Distinct().Count().ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "REQUEST_IN_PROGRESS");
        }

        (await ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(1);
    }

    [Fact]
    public async Task A_slow_first_run_finishing_after_its_lease_leaves_the_key_to_the_run_that_took_it_over()
    {
        var customer = await CreateUserAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IIdempotencyStore>();
        var slow = await store.BeginAsync(customer.Id, "slow", "fingerprint", CancellationToken.None);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var takeover = await store.BeginAsync(customer.Id, "slow", "fingerprint", CancellationToken.None);
        takeover.Outcome.ShouldBe(IdempotencyOutcome.Started);

        // The slow run fails at last and releases the key, or succeeds at last and stores its response: neither
        // touches the key the retry now holds.
        await store.ReleaseAsync(customer.Id, "slow", slow.Lease!.Value, CancellationToken.None);
        await store.CompleteAsync(customer.Id, "slow", slow.Lease!.Value, 201, "\"slow\"", CancellationToken.None);
        var third = await store.BeginAsync(customer.Id, "slow", "fingerprint", CancellationToken.None);
        third.Outcome.ShouldBe(IdempotencyOutcome.InProgress, "a third run would pay beside the one that took the key over");

        await store.CompleteAsync(customer.Id, "slow", takeover.Lease!.Value, 201, "\"retry\"", CancellationToken.None);
        (await store.BeginAsync(customer.Id, "slow", "fingerprint", CancellationToken.None)).Body.ShouldBe("\"retry\"");
    }

    /// <summary>
    /// The state a process leaves when it dies after claiming the key and before its work commits: the key recorded
    /// as in progress (the fingerprint of this very request), no response, no payment.
    /// </summary>
    private async Task CrashAfterClaimingKeyAsync(TestUser customer, Guid claimId, string key)
    {
        (await customer.Client.PayAsync(claimId, "Card", key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ScalarAsync<int>(
            "UPDATE idempotency_keys SET completed = false, response_status = NULL, response_body = NULL, created_at = @now WHERE key = @key RETURNING 1",
            ("now", Now), ("key", key));
        await ScalarAsync<int>("WITH gone AS (DELETE FROM payments RETURNING 1) SELECT count(*)::int FROM gone");
    }

    private async Task<(Guid ClaimId, TestUser Customer)> ClaimAsync()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(new
        {
            title = "Show", startsAt = Now.AddDays(2), endsAt = Now.AddDays(2).AddHours(2), saleStartsAt = Now.AddHours(-1), currency = "USD",
            ticketTypes = new[] { new { name = "General", price = 25.50m, capacity = 100 } }, maxTicketsPerCustomer = 4,
        });
        await organizer.Client.PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        return ((await customer.Client.ClaimOkAsync(created.Id, created.TicketTypes[0].Id, 1)).Id, customer);
    }
}
