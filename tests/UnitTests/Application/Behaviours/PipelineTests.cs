using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ticketing.Application;
using Ticketing.Application.Common.Behaviours;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Users.Commands.SetUserRoles;
using Ticketing.UnitTests.TestDoubles;

namespace Ticketing.UnitTests.Application.Behaviours;

/// <summary>The behaviours as the container assembles them: in order, around the real handlers.</summary>
public sealed class PipelineTests
{
    [Fact]
    public void Behaviours_run_logging_then_exceptions_then_authorization_then_validation_then_performance_then_the_transaction()
    {
        using var provider = Services(TestUser.Anonymous).BuildServiceProvider();

        var behaviours = provider.GetServices<IPipelineBehavior<SetUserRolesCommand, Ticketing.Application.Accounts.UserDto>>()
            .Select(b => b.GetType().GetGenericTypeDefinition())
            .ToList();

        behaviours.ShouldBe(
        [
            typeof(LoggingBehaviour<,>),
            typeof(UnhandledExceptionBehaviour<,>),
            typeof(AuthorizationBehaviour<,>),
            typeof(ValidationBehaviour<,>),
            typeof(PerformanceBehaviour<,>),
            typeof(TransactionBehaviour<,>),
        ]);
    }

    [Fact]
    public async Task Authorization_is_decided_before_validation_so_strangers_learn_nothing_about_the_request()
    {
        using var provider = Services(new TestUser(Guid.NewGuid(), "Customer")).BuildServiceProvider();
        var mediator = provider.GetRequiredService<IMediator>();

        await Should.ThrowAsync<ForbiddenAccessException>(() => mediator.Send(new SetUserRolesCommand(Guid.NewGuid(), ["Wizard"])));
    }

    [Fact]
    public async Task An_authorized_but_invalid_request_is_refused_by_validation_before_its_handler()
    {
        var identity = new Moq.Mock<IIdentityService>(Moq.MockBehavior.Strict);
        using var provider = Services(new TestUser(Guid.NewGuid(), "Admin"), identity.Object).BuildServiceProvider();
        var mediator = provider.GetRequiredService<IMediator>();

        var ex = await Should.ThrowAsync<ValidationException>(() => mediator.Send(new SetUserRolesCommand(Guid.NewGuid(), ["Wizard"])));

        ex.Errors.Keys.ShouldContain("Roles[0]");
    }

    private static IServiceCollection Services(ICurrentUser user, IIdentityService? identity = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(user);
        services.AddSingleton(identity ?? new Moq.Mock<IIdentityService>().Object);

        // Strict: a request refused before its handler never opens a transaction.
        services.AddSingleton(new Moq.Mock<IUnitOfWork>(Moq.MockBehavior.Strict).Object);
        services.AddApplication(new ConfigurationBuilder().Build());
        return services;
    }
}
