using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Application.Queue.Commands.ExpireAdmissions;
using Ticketing.Domain.Queue;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Selling;

public sealed class QueueTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Joining_twice_is_409_ALREADY_QUEUED_even_when_the_joins_race()
    {
        var eventId = await OnSaleQueuedEventAsync(capacity: 10);
        var customer = await CreateUserAsync();

        var joins = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => WithToken(customer.Tokens.AccessToken).PostAsync($"/api/events/{eventId}/queue", null)));

        joins.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in joins.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "ALREADY_QUEUED");
        }

        (await ScalarAsync<long>("SELECT count(*) FROM queue_entries WHERE status IN ('Waiting', 'Admitted')")).ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_and_draft_events_have_no_queue_to_join_and_closed_ones_refuse()
    {
        var organizer = await CreateUserAsync("Organizer");
        var customer = await CreateUserAsync();
        var draft = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), 10));
        var unqueued = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(unqueued.Id);

        await (await customer.Client.PostAsync($"/api/events/{Guid.NewGuid()}/queue", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await customer.Client.PostAsync($"/api/events/{draft.Id}/queue", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await customer.Client.PostAsync($"/api/events/{unqueued.Id}/queue", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");

        await organizer.Client.PublishAsync(draft.Id);
        await organizer.Client.PostAsync($"/api/events/{draft.Id}/cancel", null);
        await (await customer.Client.PostAsync($"/api/events/{draft.Id}/queue", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        await (await organizer.Client.PostAsync($"/api/events/{unqueued.Id}/queue", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Leaving_abandons_the_entry_and_rejoining_goes_to_the_back()
    {
        var eventId = await OnSaleQueuedEventAsync(capacity: 10);
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();
        await first.Client.JoinQueueAsync(eventId);
        (await second.Client.JoinQueueAsync(eventId)).Position.ShouldBe(1);

        (await first.Client.DeleteAsync($"/api/events/{eventId}/queue/me")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await first.Client.PollQueueAsync(eventId)).Status.ShouldBe(QueueEntryStatus.Abandoned);
        (await second.Client.PollQueueAsync(eventId)).Position.ShouldBe(0);

        var rejoined = await first.Client.JoinQueueAsync(eventId);
        rejoined.Status.ShouldBe(QueueEntryStatus.Waiting);
        rejoined.Position.ShouldBe(1);
        await (await first.Client.DeleteAsync($"/api/events/{Guid.NewGuid()}/queue/me")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Positions_count_who_is_ahead_and_the_wait_follows_the_admission_rate()
    {
        var eventId = await OnSaleQueuedEventAsync(capacity: 100, admissionsPerMinute: 30);
        var customers = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            customers.Add(await CreateUserAsync());
            await customers[i].Client.JoinQueueAsync(eventId);
        }

        var last = await customers[3].Client.PollQueueAsync(eventId);
        last.Position.ShouldBe(3);
        last.EstimatedWaitSeconds.ShouldBe(8);
        last.Admission.ShouldBeNull();
    }

    [Fact]
    public async Task Admissions_go_in_line_order_at_the_rate_and_never_beyond_the_stock()
    {
        var eventId = await OnSaleQueuedEventAsync(capacity: 3, admissionsPerMinute: 120);
        var customers = new List<TestUser>();
        for (var i = 0; i < 6; i++)
        {
            customers.Add(await CreateUserAsync());
            await customers[i].Client.JoinQueueAsync(eventId);
        }

        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(2);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(0);

        var statuses = new List<QueueEntryStatus>();
        foreach (var customer in customers)
        {
            statuses.Add((await customer.Client.PollQueueAsync(eventId)).Status);
        }

        statuses.ShouldBe([QueueEntryStatus.Admitted, QueueEntryStatus.Admitted, QueueEntryStatus.Admitted,
                           QueueEntryStatus.Waiting, QueueEntryStatus.Waiting, QueueEntryStatus.Waiting]);
        (await customers[3].Client.PollQueueAsync(eventId)).Position.ShouldBe(0);
    }

    [Fact]
    public async Task Polling_returns_the_identical_token_and_expiry_every_time()
    {
        // More tickets than one window admits (1 a minute for 10 minutes): the full window, not the near-sell-out one.
        var eventId = await OnSaleQueuedEventAsync(capacity: 11, admissionsPerMinute: 1);
        var customer = await CreateUserAsync();
        await customer.Client.JoinQueueAsync(eventId);
        await SendAsync(new AdmitFromQueueCommand());

        var first = await customer.Client.PollQueueAsync(eventId);
        Clock.Advance(TimeSpan.FromMinutes(4));
        var second = await customer.Client.PollQueueAsync(eventId);

        first.Status.ShouldBe(QueueEntryStatus.Admitted);
        first.Admission.ShouldNotBeNull();
        second.Admission.ShouldBe(first.Admission);
        first.Admission.ExpiresAt.ShouldBe(Now.AddMinutes(6), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_unused_admission_expires_and_lets_the_next_customer_in()
    {
        var eventId = await OnSaleQueuedEventAsync(capacity: 1);
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();
        await first.Client.JoinQueueAsync(eventId);
        await second.Client.JoinQueueAsync(eventId);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(0);

        Clock.Advance(TimeSpan.FromMinutes(10));
        (await SendAsync(new ExpireAdmissionsCommand())).ShouldBe(1);
        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);

        (await first.Client.PollQueueAsync(eventId)).Status.ShouldBe(QueueEntryStatus.Expired);
        (await second.Client.PollQueueAsync(eventId)).Status.ShouldBe(QueueEntryStatus.Admitted);
    }

    [Fact]
    public async Task A_place_in_line_may_be_as_old_as_the_position_max_age_and_no_older()
    {
        var eventId = await OnSaleQueuedEventAsync(capacity: 10);
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();
        await first.Client.JoinQueueAsync(eventId);
        await second.Client.JoinQueueAsync(eventId);

        // Another WebApi instance, with the production setting's kind of snapshot.
        using var instance = new TicketingApiFactory(Fixture.ConnectionString, clock: new FakeTimeProvider(Now));
        instance.Settings["Queue:PositionMaxAge"] = "00:00:05";
        var secondThere = instance.CreateClient();
        secondThere.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.Tokens.AccessToken);
        (await secondThere.PollQueueAsync(eventId)).Position.ShouldBe(1);

        (await first.Client.DeleteAsync($"/api/events/{eventId}/queue/me")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await secondThere.PollQueueAsync(eventId)).Position.ShouldBe(1);
        instance.Clock.Advance(TimeSpan.FromSeconds(5));
        (await secondThere.PollQueueAsync(eventId)).Position.ShouldBe(0);
    }

    private async Task<Guid> OnSaleQueuedEventAsync(int capacity, int admissionsPerMinute = 6000)
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), capacity, admissionsPerMinute));
        await organizer.Client.PublishAsync(created.Id);
        return created.Id;
    }
}
