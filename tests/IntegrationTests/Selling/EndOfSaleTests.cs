using System.Net;
using Npgsql;
using Ticketing.Application.Events;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Application.Queue.Commands.ExpireAdmissions;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

/// <summary>The last tickets of a queued sale (ADR 21): admissions left or lapsed make room at once, near sell-out windows are short.</summary>
public sealed class EndOfSaleTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task An_admission_left_while_admitted_goes_to_the_next_in_line_on_the_next_tick()
    {
        var sale = await OnSaleAsync(capacity: 2, admissionsPerMinute: 6000);
        var fans = await JoinedAsync(sale, 3);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(2);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(0);
        var leftToken = (await fans[0].Client.PollQueueAsync(sale.Id)).Admission!.Token;

        (await fans[0].Client.DeleteAsync($"/api/events/{sale.Id}/queue/me")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);

        (await fans[0].Client.PollQueueAsync(sale.Id)).Status.ShouldBe(QueueEntryStatus.Abandoned);
        (await fans[2].Client.PollQueueAsync(sale.Id)).Status.ShouldBe(QueueEntryStatus.Admitted);
        await (await fans[0].Client.ClaimAsync(sale.Id, sale.TicketTypes[0].Id, 1, leftToken))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "ADMISSION_INVALID");
    }

    [Fact]
    public async Task Near_sell_out_admissions_get_the_short_window_and_those_given_before_keep_theirs()
    {
        // 120 a minute for 10 minutes: one window admits 1,200, so at 1,200 tickets left the sale is near its end.
        var sale = await OnSaleAsync(capacity: 1_204, admissionsPerMinute: 120);
        var fans = await JoinedAsync(sale, 3);
        var firstTick = Now;
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(2);
        var early = (await fans[0].Client.PollQueueAsync(sale.Id)).Admission!;
        early.ExpiresAt.ShouldBe(firstTick.AddMinutes(10), TimeSpan.FromMilliseconds(1));
        await fans[0].Client.ClaimOkAsync(sale.Id, sale.TicketTypes[0].Id, 4, early.Token);

        Clock.Advance(TimeSpan.FromSeconds(1));
        var secondTick = Now;
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);

        (await fans[2].Client.PollQueueAsync(sale.Id)).Admission!.ExpiresAt.ShouldBe(secondTick.AddMinutes(2.5), TimeSpan.FromMilliseconds(1));
        (await fans[1].Client.PollQueueAsync(sale.Id)).Admission!.ExpiresAt.ShouldBe(firstTick.AddMinutes(10), TimeSpan.FromMilliseconds(1));
        Clock.Advance(TimeSpan.FromMinutes(2.5));
        (await SendAsync(new ExpireAdmissionsCommand())).ShouldBe(1);
        (await fans[2].Client.PollQueueAsync(sale.Id)).Status.ShouldBe(QueueEntryStatus.Expired);
        (await fans[1].Client.PollQueueAsync(sale.Id)).Status.ShouldBe(QueueEntryStatus.Admitted);
    }

    [Fact]
    public async Task The_stock_bound_holds_while_joins_claims_leaves_and_admission_ticks_race()
    {
        var sale = await OnSaleAsync(capacity: 15, admissionsPerMinute: 6000);
        var fans = new List<TestUser>();
        for (var i = 0; i < 48; i++)
        {
            fans.Add(await CreateUserAsync());
        }

        var joined = new bool[fans.Count];
        var acted = new bool[fans.Count];
        var claims = new List<HttpStatusCode>();
        for (var round = 0; round < 8; round++)
        {
            var arriving = (round + 1) * 6;

            // A third of the admitted claim one ticket, a third leave, a third let the admission lapse.
            async Task ActAsync(int i)
            {
                if (!joined[i])
                {
                    if (i < arriving)
                    {
                        await fans[i].Client.JoinQueueAsync(sale.Id);
                        joined[i] = true;
                    }

                    return;
                }

                var entry = await fans[i].Client.PollQueueAsync(sale.Id);
                if (entry.Admission is not { } admission || acted[i])
                {
                    return;
                }

                acted[i] = true;
                if (i % 3 == 0)
                {
                    var claim = await fans[i].Client.ClaimAsync(sale.Id, sale.TicketTypes[0].Id, 1, admission.Token);
                    lock (claims)
                    {
                        claims.Add(claim.StatusCode);
                    }
                }
                else if (i % 3 == 1)
                {
                    (await fans[i].Client.DeleteAsync($"/api/events/{sale.Id}/queue/me")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                }
            }

            // Two Workers' ticks beside the customers, as two instances would run them.
            await Task.WhenAll(Enumerable.Range(0, fans.Count).Select(ActAsync)
                .Append(SendAsync(new AdmitFromQueueCommand()))
                .Append(SendAsync(new AdmitFromQueueCommand()))
                .Append(SendAsync(new ExpireAdmissionsCommand())));

            (await UnclaimedBeyondStockAsync(sale.Id)).ShouldBe(0, $"round {round}");
            Clock.Advance(TimeSpan.FromSeconds(40));
        }

        // Each admitted fan who has not claimed counts for one ticket, so claiming one always finds it.
        claims.ShouldNotBeEmpty();
        claims.ShouldAllBe(status => status == HttpStatusCode.Created);
        (await ScalarAsync<long>(
            """
            SELECT count(*) FROM ticket_types t
             WHERE t.event_id = @e AND (t.sold + t.held > t.capacity
                OR t.held <> (SELECT coalesce(sum(i.quantity), 0) FROM claim_items i JOIN claims c ON c.id = i.claim_id
                               WHERE i.ticket_type_id = t.id AND c.status = 'Pending'))
            """,
            ("e", sale.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Every_ticket_sells_before_one_full_window_passes_when_some_admitted_fans_never_claim()
    {
        // A scaled-down on-sale: ten a tick for ten tickets, and every fourth admitted fan never comes back. With
        // ten-minute windows for everyone the last two tickets would wait out two such fans' windows, one after the other.
        var sale = await OnSaleAsync(capacity: 10, admissionsPerMinute: 600);
        var fans = await JoinedAsync(sale, 24);
        var byId = fans.Select((fan, i) => (fan, i)).ToDictionary(f => f.fan.Id);
        foreach (var (fan, _) in byId.Values.Where(f => f.i % 4 != 3))
        {
            await Factory.FundWalletAsync(fan.Id, 5_000);
        }

        var opened = Now;
        var handled = new HashSet<Guid>();
        while (await ScalarAsync<int>("SELECT sold FROM ticket_types WHERE event_id = @e", ("e", sale.Id)) < 10
               && Now - opened < TimeSpan.FromMinutes(30))
        {
            await SendAsync(new ExpireAdmissionsCommand());
            await SendAsync(new AdmitFromQueueCommand());
            foreach (var customerId in await AdmittedAsync(sale.Id))
            {
                var (fan, i) = byId[customerId];
                if (!handled.Add(customerId) || i % 4 == 3)
                {
                    continue;
                }

                var admission = (await fan.Client.PollQueueAsync(sale.Id)).Admission!;
                var claim = await fan.Client.ClaimOkAsync(sale.Id, sale.TicketTypes[0].Id, 1, admission.Token);
                (await fan.Client.PayAsync(claim.Id, "Wallet")).StatusCode.ShouldBe(HttpStatusCode.Created);
            }

            Clock.Advance(TimeSpan.FromSeconds(5));
        }

        (await ScalarAsync<int>("SELECT sold FROM ticket_types WHERE event_id = @e", ("e", sale.Id))).ShouldBe(10);
        (Now - opened).ShouldBeLessThan(TimeSpan.FromMinutes(10));
        (await Anonymous().GetEventAsync(sale.Id)).State.ShouldBe(EventState.SoldOut);
    }

    private async Task<EventDto> OnSaleAsync(int capacity, int admissionsPerMinute)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), capacity, admissionsPerMinute));
        await organizer.Client.PublishAsync(created.Id);
        return created;
    }

    private async Task<List<TestUser>> JoinedAsync(EventDto sale, int count)
    {
        var fans = new List<TestUser>();
        for (var i = 0; i < count; i++)
        {
            fans.Add(await CreateUserAsync());
            await fans[i].Client.JoinQueueAsync(sale.Id);
        }

        return fans;
    }

    /// <summary>Admitted customers who have not claimed, beyond the tickets left: the stock bound says none.</summary>
    private Task<long> UnclaimedBeyondStockAsync(Guid eventId) =>
        ScalarAsync<long>(
            """
            SELECT greatest(0, (SELECT count(*) FROM queue_entries
                                 WHERE event_id = @e AND status = 'Admitted' AND admission_expires_at > @now)
                             - (SELECT sum(capacity - sold - held) FROM ticket_types WHERE event_id = @e))
            """,
            ("e", eventId), ("now", Now));

    private async Task<List<Guid>> AdmittedAsync(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT customer_id FROM queue_entries WHERE event_id = @e AND status = 'Admitted'", connection);
        command.Parameters.AddWithValue("e", eventId);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
