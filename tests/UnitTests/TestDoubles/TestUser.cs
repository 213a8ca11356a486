using Ticketing.Application.Common.Interfaces;

namespace Ticketing.UnitTests.TestDoubles;

public sealed class TestUser(Guid? userId, params string[] roles) : ICurrentUser
{
    public static TestUser Anonymous => new(null);

    public Guid? UserId { get; } = userId;

    public Guid? SessionId => UserId is null ? null : Guid.Empty;

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => roles.Contains(role);

    public string? IpAddress => "127.0.0.1";
}
