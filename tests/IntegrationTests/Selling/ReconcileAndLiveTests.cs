using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Inventory.Commands.Reconcile;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.IntegrationTests.Infrastructure;
using Ticketing.WebApi.Live;

namespace Ticketing.IntegrationTests.Selling;

public sealed class ReconcileAndLiveTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Reconcile_heals_held_drift_from_the_pending_claims_and_frees_orphaned_seats()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1), capacity: 10));
        await organizer.Client.PublishAsync(created.Id);
        await (await CreateUserAsync()).Client.ClaimOkAsync(created.Id, created.TicketTypes[0].Id, 3);
        (await SendAsync(new ReconcileCommand())).HeldRepaired.ShouldBeEmpty();

        await ScalarAsync<int>("UPDATE ticket_types SET held = 7 RETURNING held");
        var report = await SendAsync(new ReconcileCommand());

        report.HeldRepaired.ShouldHaveSingleItem().ShouldBe(new Ticketing.Application.Common.Interfaces.HeldDrift(created.TicketTypes[0].Id, 7, 3));
        (await ScalarAsync<int>("SELECT held FROM ticket_types")).ShouldBe(3);
        (await SendAsync(new ReconcileCommand())).HeldRepaired.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_connected_to_the_live_hub_is_told_when_admitted_with_the_token_polling_returns()
    {
        await Factory.Services.GetRequiredService<LiveNotificationListener>().Listening;
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), capacity: 10));
        await organizer.Client.PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        await customer.Client.JoinQueueAsync(created.Id);

        var admitted = new TaskCompletionSource<AdmittedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var positions = new List<int>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(customer.Tokens.AccessToken);
            })
            .Build();
        hub.On<AdmittedMessage>("admitted", message => admitted.TrySetResult(message));
        hub.On<PositionMessage>("queuePosition", message => { lock (positions) { positions.Add(message.Position); } });
        await hub.StartAsync();
        await hub.InvokeAsync("WatchQueue", created.Id);

        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);
        (await SendAsync(new DispatchOutboxCommand())).ShouldBeGreaterThan(0);

        var message = await admitted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var polled = (await customer.Client.PollQueueAsync(created.Id)).Admission!;
        message.EventId.ShouldBe(created.Id);
        message.Token.ShouldBe(polled.Token);
        message.ExpiresAt.ShouldBe(polled.ExpiresAt);
    }

    [Fact]
    public async Task Every_fan_in_line_with_a_live_connection_hears_the_sell_out_and_their_poll_shows_it()
    {
        await Factory.Services.GetRequiredService<LiveNotificationListener>().Listening;
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(SellingApi.Queued(Now.AddDays(2), Now.AddHours(-1), capacity: 1));
        await organizer.Client.PublishAsync(created.Id);
        var buyer = await CreateUserAsync();
        await buyer.Client.JoinQueueAsync(created.Id);
        var fan = await CreateUserAsync();
        await fan.Client.JoinQueueAsync(created.Id);
        var onlooker = await CreateUserAsync();

        // The fan waits in line without calling WatchQueue; the onlooker watches the queue without being in it.
        var fanHeard = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onlookerHeard = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fanHub = Connect(fan);
        fanHub.On<SoldOutMessage>("soldOut", message => fanHeard.TrySetResult(message.EventId));
        await fanHub.StartAsync();
        await using var onlookerHub = Connect(onlooker);
        onlookerHub.On<SoldOutMessage>("soldOut", message => onlookerHeard.TrySetResult(message.EventId));
        await onlookerHub.StartAsync();
        await onlookerHub.InvokeAsync("WatchQueue", created.Id);

        (await SendAsync(new AdmitFromQueueCommand())).ShouldBe(1);
        var admission = (await buyer.Client.PollQueueAsync(created.Id)).Admission!;
        var waiting = await fan.Client.PollQueueAsync(created.Id);
        waiting.SoldOut.ShouldBeFalse();
        await buyer.Client.ClaimOkAsync(created.Id, created.TicketTypes[0].Id, 1, admission.Token);
        await SendAsync(new DispatchOutboxCommand());

        (await fanHeard.Task.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBe(created.Id);
        (await onlookerHeard.Task.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBe(created.Id);
        var polled = await fan.Client.PollQueueAsync(created.Id);
        polled.Status.ShouldBe(Ticketing.Domain.Queue.QueueEntryStatus.Waiting);
        polled.SoldOut.ShouldBeTrue();
        var asListener = await fan.Client.GetFromJsonAsync<Ticketing.Application.Queue.QueueEntryDto>($"/api/events/{created.Id}/queue/me?listening=true", ApiJson.Options);
        asListener!.PollAfterSeconds.ShouldBeGreaterThan(polled.PollAfterSeconds);
    }

    [Fact]
    public async Task Someone_else_cannot_watch_an_organizers_dashboard()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1)));
        var customer = await CreateUserAsync();
        await using var hub = Connect(customer);
        await hub.StartAsync();

        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync("WatchEvent", created.Id));

        await using var owner = Connect(organizer);
        await owner.StartAsync();
        await owner.InvokeAsync("WatchEvent", created.Id);
    }

    private HubConnection Connect(TestUser user) => new HubConnectionBuilder()
        .WithUrl(new Uri(Factory.Server.BaseAddress, LiveHub.Path), options =>
        {
            options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
            options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult<string?>(user.Tokens.AccessToken);
        })
        .Build();

    public sealed record AdmittedMessage(Guid EventId, string Token, DateTimeOffset ExpiresAt);

    public sealed record PositionMessage(Guid EventId, int Position);

    public sealed record SoldOutMessage(Guid EventId);
}
