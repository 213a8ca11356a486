using System.Net;
using System.Net.Http.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

public sealed class IdempotencyAndWalletRaceTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_response_and_a_missing_key_is_400()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(maxPerCustomer: 4);
        await Factory.FundWalletAsync(customer.Id, 10_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);

        var first = await customer.Client.PayAsync(claim.Id, "Wallet", "key-1");
        var again = await customer.Client.PayAsync(claim.Id, "Wallet", "key-1");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(1);
        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(10_000 - 2_550);

        var missing = await customer.Client.PostAsJsonAsync($"/api/claims/{claim.Id}/payments", new { method = "Wallet" });
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).GetProperty("errors").TryGetProperty("idempotency-Key", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Cash_is_the_box_office_s_and_a_customer_cannot_pay_a_claim_with_it()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(maxPerCustomer: 4);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);

        await (await customer.Client.PayAsync(claim.Id, "Cash", "key-cash")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");

        (await ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_while_the_first_runs_409()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(maxPerCustomer: 4);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);
        await customer.Client.PayAsync(claim.Id, "Card", "key-2");

        await (await customer.Client.PayAsync(claim.Id, "Wallet", "key-2")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");

        // A key whose first request has not finished yet (recorded, no response stored).
        await ScalarAsync<int>("INSERT INTO idempotency_keys (user_id, key, fingerprint, completed, created_at, expires_at) SELECT user_id, 'key-3', fingerprint, false, created_at, expires_at FROM idempotency_keys WHERE key = 'key-2' RETURNING 1");
        await (await customer.Client.PayAsync(claim.Id, "Card", "key-3")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "REQUEST_IN_PROGRESS");
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_run_once()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(maxPerCustomer: 4);
        await Factory.FundWalletAsync(customer.Id, 10_000);
        var claim = await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => WithToken(customer.Tokens.AccessToken).PayAsync(claim.Id, "Wallet", "same-key")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        (await ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(1);
        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(10_000 - 2_550);
    }

    [Fact]
    public async Task Twenty_parallel_wallet_payments_on_a_balance_for_five_let_exactly_five_through()
    {
        var (eventId, ticketTypeId, customer) = await OnSaleAsync(maxPerCustomer: 20);
        await Factory.FundWalletAsync(customer.Id, 5 * 2_550);
        var claims = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            claims.Add((await customer.Client.ClaimOkAsync(eventId, ticketTypeId, 1)).Id);
        }

        var responses = await Task.WhenAll(claims.Select(id => WithToken(customer.Tokens.AccessToken).PayAsync(id, "Wallet")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(5);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "INSUFFICIENT_FUNDS");
        }

        (await ScalarAsync<long>("SELECT balance FROM wallets")).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM wallet_transactions WHERE balance_after < 0")).ShouldBe(0);
        (await ScalarAsync<long>("""
            SELECT count(*) FROM wallets w
             WHERE w.balance <> (SELECT coalesce(sum(CASE t.type WHEN 'Credit' THEN t.amount ELSE -t.amount END), 0)::bigint
                                   FROM wallet_transactions t WHERE t.wallet_id = w.id)
            """)).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM bookings")).ShouldBe(5);
    }

    private async Task<(Guid EventId, Guid TicketTypeId, TestUser Customer)> OnSaleAsync(int maxPerCustomer)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(new
        {
            title = "Show", startsAt = Now.AddDays(2), endsAt = Now.AddDays(2).AddHours(2), saleStartsAt = Now.AddHours(-1), currency = "USD",
            ticketTypes = new[] { new { name = "General", price = 25.50m, capacity = 100 } }, maxTicketsPerCustomer = maxPerCustomer,
        });
        await organizer.Client.PublishAsync(created.Id);
        return (created.Id, created.TicketTypes[0].Id, await CreateUserAsync());
    }
}
