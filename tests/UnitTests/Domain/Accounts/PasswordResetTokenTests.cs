using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.UnitTests.Domain.Accounts;

public sealed class PasswordResetTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issuing_a_token_raises_the_event_that_mails_it_and_stores_only_the_hash()
    {
        var userId = Guid.NewGuid();

        var token = PasswordResetToken.Issue(userId, "fan@example.com", "the-token", "hash-of-the-token", Now);

        token.TokenHash.ShouldBe("hash-of-the-token");
        token.ExpiresAt.ShouldBe(Now.AddMinutes(5));
        token.DomainEvents.ShouldHaveSingleItem()
            .ShouldBe(new PasswordResetRequestedEvent(token.Id, userId, "fan@example.com", "the-token", Now.AddMinutes(5)));
    }

    [Fact]
    public void A_token_is_used_once()
    {
        var token = Issue();

        token.Use(Now.AddMinutes(4));

        token.UsedAt.ShouldBe(Now.AddMinutes(4));
        Should.Throw<DomainException>(() => token.Use(Now.AddMinutes(4))).Code.Value.ShouldBe("INVALID_RESET_TOKEN");
    }

    [Fact]
    public void A_token_expires_five_minutes_after_it_was_issued()
    {
        var token = Issue();

        token.IsLiveAt(Now.AddMinutes(5).AddTicks(-1)).ShouldBeTrue();
        Should.Throw<DomainException>(() => token.Use(Now.AddMinutes(5))).Code.Value.ShouldBe("INVALID_RESET_TOKEN");
        token.UsedAt.ShouldBeNull();
    }

    [Fact]
    public void A_superseded_token_cannot_be_used()
    {
        var token = Issue();

        token.Supersede(Now.AddMinutes(1));

        Should.Throw<DomainException>(() => token.Use(Now.AddMinutes(2))).Code.Value.ShouldBe("INVALID_RESET_TOKEN");
    }

    [Fact]
    public void Superseding_a_used_token_leaves_it_as_it_was()
    {
        var token = Issue();
        token.Use(Now);

        token.Supersede(Now.AddMinutes(1));

        token.SupersededAt.ShouldBeNull();
    }

    private static PasswordResetToken Issue() => PasswordResetToken.Issue(Guid.NewGuid(), "fan@example.com", "the-token", "hash", Now);
}
