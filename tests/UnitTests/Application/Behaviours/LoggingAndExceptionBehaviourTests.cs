using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Behaviours;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Domain.Common;
using Ticketing.UnitTests.TestDoubles;

namespace Ticketing.UnitTests.Application.Behaviours;

public sealed class LoggingAndExceptionBehaviourTests
{
    [Fact]
    public async Task The_request_name_and_caller_are_logged_but_never_its_content()
    {
        var logger = new ListLogger<SignIn>();
        var userId = Guid.NewGuid();
        var behaviour = new LoggingBehaviour<SignIn, string>(logger, new TestUser(userId));

        await behaviour.Handle(new SignIn("fan@example.com", "s3cret-password"), CancellationToken.None, () => Task.FromResult("ok"));

        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Debug);
        entry.Message.ShouldBe($"Handling SignIn for {userId}");
        entry.Message.ShouldNotContain("s3cret-password");
    }

    [Fact]
    public async Task An_unexpected_exception_is_logged_as_an_error_and_rethrown()
    {
        var logger = new ListLogger<SignIn>();
        var behaviour = new UnhandledExceptionBehaviour<SignIn, string>(logger);
        var boom = new InvalidOperationException("boom");

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() =>
            behaviour.Handle(new SignIn("a", "b"), CancellationToken.None, () => throw boom));

        thrown.ShouldBeSameAs(boom);
        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Exception.ShouldBeSameAs(boom);
    }

    [Fact]
    public async Task Exceptions_that_are_part_of_the_contract_pass_through_unlogged()
    {
        var logger = new ListLogger<SignIn>();
        var behaviour = new UnhandledExceptionBehaviour<SignIn, string>(logger);

        await Should.ThrowAsync<NotFoundException>(() =>
            behaviour.Handle(new SignIn("a", "b"), CancellationToken.None, () => throw new NotFoundException("Event")));
        await Should.ThrowAsync<DomainException>(() =>
            behaviour.Handle(new SignIn("a", "b"), CancellationToken.None, () => throw new DomainException(Errors.InvalidState, "no")));

        logger.Entries.ShouldBeEmpty();
    }

    public sealed record SignIn(string Email, string Password) : IRequest<string>;
}
