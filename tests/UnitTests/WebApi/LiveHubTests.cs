using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Identity;
using Ticketing.WebApi.Live;

namespace Ticketing.UnitTests.WebApi;

public sealed class LiveHubTests
{
    [Fact]
    public async Task A_connection_dropped_while_it_opens_is_not_left_listed_under_its_session()
    {
        var sessionId = Guid.NewGuid();
        var connections = new LiveConnections();
        var caller = new Mock<HubCallerContext>();
        caller.SetupGet(c => c.ConnectionId).Returns("gone-while-opening");
        caller.SetupGet(c => c.User).Returns(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(TokenClaims.Subject, Guid.NewGuid().ToString()), new Claim(TokenClaims.Session, sessionId.ToString())], "Bearer")));
        // The client went away during the handshake, so the session lookup is cancelled before it reaches a database.
        caller.SetupGet(c => c.ConnectionAborted).Returns(new CancellationToken(canceled: true));
        await using var database = new ServiceCollection()
            .AddDbContext<ApplicationDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Port=1;Timeout=1"))
            .BuildServiceProvider();
        var scopes = database.GetRequiredService<IServiceScopeFactory>();

        // Not yet listening, so the check goes to the database.
        var revocations = new SessionRevocations(
            Mock.Of<ILiveFeed>(), scopes, TimeProvider.System, Options.Create(new JwtOptions()), NullLogger<SessionRevocations>.Instance);
        var hub = new LiveHub(Mock.Of<IMediator>(), new QueueWatchers(), connections, new AuthSessionValidator(revocations, scopes), Options.Create(new LiveOptions()))
        {
            Context = caller.Object,
        };

        (await Record.ExceptionAsync(hub.OnConnectedAsync)).ShouldNotBeNull();

        connections.CloseSession(sessionId);
        caller.Verify(c => c.Abort(), Times.Never, "SignalR never reports the disconnect of a connection that failed to open");
    }
}
