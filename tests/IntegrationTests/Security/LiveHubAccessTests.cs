using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.IntegrationTests.Infrastructure;
using Ticketing.WebApi.Live;

namespace Ticketing.IntegrationTests.Security;

/// <summary>A live connection is worth no more than the session that opened it, and watches only what its user may see.</summary>
public sealed class LiveHubAccessTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(20);

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Logging_out_closes_the_sessions_live_connections()
    {
        await Factory.Services.GetRequiredService<LiveNotificationListener>().Listening;
        var customer = await CreateUserAsync();
        var otherDevice = await LoginAsync(customer.Email, Password);
        await using var hub = Connect(customer.Tokens.AccessToken);
        await using var other = Connect(otherDevice.AccessToken);
        var closed = ClosedOf(hub);
        await hub.StartAsync();
        await other.StartAsync();

        (await customer.Client.PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await SendAsync(new DispatchOutboxCommand());

        await closed.WaitAsync(CloseWait);
        hub.State.ShouldBe(HubConnectionState.Disconnected);
        other.State.ShouldBe(HubConnectionState.Connected, "only the session that ended loses its connections");
    }

    [Fact]
    public async Task Changing_the_password_closes_the_live_connections_of_the_sessions_it_ends()
    {
        await Factory.Services.GetRequiredService<LiveNotificationListener>().Listening;
        var customer = await CreateUserAsync();
        var stolen = await LoginAsync(customer.Email, Password);
        await using var thief = Connect(stolen.AccessToken);
        await using var owner = Connect(customer.Tokens.AccessToken);
        var closed = ClosedOf(thief);
        await thief.StartAsync();
        await owner.StartAsync();

        (await customer.Client.ChangePasswordAsync(Password, "a-brand-new-passphrase")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await SendAsync(new DispatchOutboxCommand());

        await closed.WaitAsync(CloseWait);
        owner.State.ShouldBe(HubConnectionState.Connected);
    }

    [Fact]
    public async Task Only_an_event_the_user_can_see_has_a_queue_to_watch()
    {
        var organizer = await CreateUserAsync("Organizer");
        var draft = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1)));
        var published = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(published.Id);
        var customer = await CreateUserAsync();
        await using var hub = Connect(customer.Tokens.AccessToken);
        await hub.StartAsync();

        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync("WatchQueue", Guid.NewGuid()));
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync("WatchQueue", draft.Id));
        await hub.InvokeAsync("WatchQueue", published.Id);

        await using var owner = Connect(organizer.Tokens.AccessToken);
        await owner.StartAsync();
        await owner.InvokeAsync("WatchQueue", draft.Id);
    }

    [Fact]
    public async Task A_demoted_organizer_no_longer_watches_the_dashboard_nor_the_queues_of_their_drafts()
    {
        var organizer = await CreateUserAsync("Organizer");
        var draft = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1)));
        var published = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(3), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(published.Id);
        var admin = await CreateUserAsync("Admin");
        (await admin.Client.PutAsJsonAsync($"/api/admin/users/{organizer.Id}/roles", new { roles = new[] { "Customer" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var hub = Connect((await LoginAsync(organizer.Email, Password)).AccessToken);
        await hub.StartAsync();

        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync("WatchEvent", published.Id));
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync("WatchQueue", draft.Id));
        await hub.InvokeAsync("WatchQueue", published.Id);
    }

    [Fact]
    public async Task A_connection_watches_at_most_the_configured_number_of_events()
    {
        await using var api = new TicketingApiFactory(Fixture.ConnectionString, clock: Clock) { Settings = { ["Live:MaxWatchedEvents"] = "2" } };
        var organizer = await CreateUserAsync("Organizer");
        var events = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2 + i), Now.AddHours(-1)));
            await organizer.Client.PublishAsync(created.Id);
            events.Add(created.Id);
        }

        await using var hub = Connect(organizer.Tokens.AccessToken, api);
        await hub.StartAsync();
        await hub.InvokeAsync("WatchQueue", events[0]);
        await hub.InvokeAsync("WatchEvent", events[1]);
        await hub.InvokeAsync("WatchQueue", events[0]);

        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync("WatchQueue", events[2]));
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync("WatchEvent", events[2]));
    }

    private static Task ClosedOf(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private HubConnection Connect(string accessToken, TicketingApiFactory? api = null)
    {
        var server = (api ?? Factory).Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, LiveHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
    }
}
