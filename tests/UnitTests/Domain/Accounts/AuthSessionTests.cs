using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.UnitTests.Domain.Accounts;

public sealed class AuthSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    [Fact]
    public void Rotating_spends_the_presented_token_and_issues_its_successor()
    {
        var session = AuthSession.Start(Guid.NewGuid(), Now);
        var first = session.IssueRefreshToken("hash-1", Now, Lifetime);

        var rejection = session.TryRotate(first, "hash-2", Now.AddMinutes(20), Lifetime, out var successor);

        rejection.ShouldBe(RefreshRejection.None);
        successor.ShouldNotBeNull();
        successor.TokenHash.ShouldBe("hash-2");
        successor.SessionId.ShouldBe(session.Id);
        successor.ExpiresAt.ShouldBe(Now.AddMinutes(20) + Lifetime);
        first.IsUsed.ShouldBeTrue();
        first.ReplacedById.ShouldBe(successor.Id);
    }

    [Fact]
    public void Presenting_a_spent_token_revokes_the_session()
    {
        var session = AuthSession.Start(Guid.NewGuid(), Now);
        var first = session.IssueRefreshToken("hash-1", Now, Lifetime);
        session.TryRotate(first, "hash-2", Now, Lifetime, out _);

        var rejection = session.TryRotate(first, "hash-3", Now.AddMinutes(1), Lifetime, out var successor);

        rejection.ShouldBe(RefreshRejection.TokenReused);
        successor.ShouldBeNull();
        session.IsRevoked.ShouldBeTrue();
        session.RevokedAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void An_expired_token_is_refused_without_revoking_the_session()
    {
        var session = AuthSession.Start(Guid.NewGuid(), Now);
        var token = session.IssueRefreshToken("hash-1", Now, Lifetime);

        var rejection = session.TryRotate(token, "hash-2", Now + Lifetime, Lifetime, out var successor);

        rejection.ShouldBe(RefreshRejection.TokenExpired);
        successor.ShouldBeNull();
        token.IsUsed.ShouldBeFalse();
        session.IsRevoked.ShouldBeFalse();
    }

    [Fact]
    public void A_revoked_session_neither_rotates_nor_issues_tokens()
    {
        var session = AuthSession.Start(Guid.NewGuid(), Now);
        var token = session.IssueRefreshToken("hash-1", Now, Lifetime);
        session.Revoke(Now, "logout");

        session.TryRotate(token, "hash-2", Now, Lifetime, out _).ShouldBe(RefreshRejection.SessionRevoked);
        token.IsUsed.ShouldBeFalse();
        Should.Throw<DomainException>(() => session.IssueRefreshToken("hash-3", Now, Lifetime)).Code.Value.ShouldBe("INVALID_STATE");
    }

    [Fact]
    public void Revoking_twice_keeps_the_first_reason_and_time()
    {
        var session = AuthSession.Start(Guid.NewGuid(), Now);

        session.Revoke(Now, "logout");
        session.Revoke(Now.AddHours(1), "refresh token reused");

        session.RevokedAt.ShouldBe(Now);
        session.RevokedReason.ShouldBe("logout");
    }

    [Fact]
    public void A_token_of_another_session_cannot_be_rotated_here()
    {
        var session = AuthSession.Start(Guid.NewGuid(), Now);
        var foreign = AuthSession.Start(Guid.NewGuid(), Now).IssueRefreshToken("hash-x", Now, Lifetime);

        Should.Throw<ArgumentException>(() => session.TryRotate(foreign, "hash-2", Now, Lifetime, out _));
    }
}
