using MediatR;
using Ticketing.Application.Common.Behaviours;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Security;
using Ticketing.UnitTests.TestDoubles;

namespace Ticketing.UnitTests.Application.Behaviours;

public sealed class AuthorizationBehaviourTests
{
    [Fact]
    public async Task A_request_without_the_attribute_passes_for_anyone()
    {
        var behaviour = new AuthorizationBehaviour<OpenRequest, string>(TestUser.Anonymous);

        (await behaviour.Handle(new OpenRequest(), CancellationToken.None, () => Task.FromResult("ran"))).ShouldBe("ran");
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        var behaviour = new AuthorizationBehaviour<AdminRequest, string>(TestUser.Anonymous);

        var ex = await Should.ThrowAsync<UnauthenticatedException>(() => behaviour.Handle(new AdminRequest(), CancellationToken.None, Next));
        ex.Code.Value.ShouldBe("UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_caller_without_any_of_the_roles_is_forbidden()
    {
        var behaviour = new AuthorizationBehaviour<AdminRequest, string>(new TestUser(Guid.NewGuid(), "Customer"));

        var ex = await Should.ThrowAsync<ForbiddenAccessException>(() => behaviour.Handle(new AdminRequest(), CancellationToken.None, Next));
        ex.Code.Value.ShouldBe("FORBIDDEN");
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("Organizer")]
    public async Task Any_one_of_the_listed_roles_is_enough(string role)
    {
        var behaviour = new AuthorizationBehaviour<AdminOrOrganizerRequest, string>(new TestUser(Guid.NewGuid(), role));

        (await behaviour.Handle(new AdminOrOrganizerRequest(), CancellationToken.None, Next)).ShouldBe("ran");
    }

    [Fact]
    public async Task An_attribute_without_roles_only_needs_a_signed_in_caller()
    {
        var behaviour = new AuthorizationBehaviour<SignedInRequest, string>(new TestUser(Guid.NewGuid()));

        (await behaviour.Handle(new SignedInRequest(), CancellationToken.None, Next)).ShouldBe("ran");
    }

    private static Task<string> Next() => Task.FromResult("ran");

    public sealed record OpenRequest : IRequest<string>;

    [Authorize(Roles = "Admin")]
    public sealed record AdminRequest : IRequest<string>;

    [Authorize(Roles = "Admin, Organizer")]
    public sealed record AdminOrOrganizerRequest : IRequest<string>;

    [Authorize]
    public sealed record SignedInRequest : IRequest<string>;
}
