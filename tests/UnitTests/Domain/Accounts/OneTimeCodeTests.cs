using Ticketing.Domain.Accounts;

namespace Ticketing.UnitTests.Domain.Accounts;

public sealed class OneTimeCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issuing_a_code_raises_the_event_that_mails_it_and_stores_only_the_hash()
    {
        var userId = Guid.NewGuid();

        var code = OneTimeCode.Issue(userId, "fan@example.com", "042137", "hash-of-042137", Now);

        code.CodeHash.ShouldBe("hash-of-042137");
        code.ExpiresAt.ShouldBe(Now.AddMinutes(10));
        code.DomainEvents.ShouldHaveSingleItem()
            .ShouldBe(new OneTimeCodeIssuedEvent(code.Id, userId, "fan@example.com", "042137", Now.AddMinutes(10)));
    }

    [Fact]
    public void The_right_code_is_redeemed_once()
    {
        var code = Issue();

        code.TryRedeem("right", Now.AddMinutes(3)).ShouldBeTrue();

        code.UsedAt.ShouldBe(Now.AddMinutes(3));
        code.TryRedeem("right", Now.AddMinutes(4)).ShouldBeFalse();
        code.Attempts.ShouldBe(1);
    }

    [Fact]
    public void Every_guess_counts_and_the_fifth_wrong_one_kills_the_code()
    {
        var code = Issue();
        for (var guess = 1; guess <= OneTimeCode.MaxAttempts; guess++)
        {
            code.TryRedeem("wrong", Now).ShouldBeFalse();
            code.Attempts.ShouldBe(guess);
        }

        code.IsLiveAt(Now).ShouldBeFalse();
        code.TryRedeem("right", Now).ShouldBeFalse();
        code.Attempts.ShouldBe(OneTimeCode.MaxAttempts);
        code.UsedAt.ShouldBeNull();
    }

    [Fact]
    public void The_right_code_still_works_as_the_fifth_guess()
    {
        var code = Issue();
        for (var guess = 1; guess < OneTimeCode.MaxAttempts; guess++)
        {
            code.TryRedeem("wrong", Now);
        }

        code.TryRedeem("right", Now).ShouldBeTrue();
    }

    [Fact]
    public void A_code_expires_ten_minutes_after_it_was_issued_and_later_guesses_do_not_count()
    {
        var code = Issue();

        code.IsLiveAt(Now.AddMinutes(10).AddTicks(-1)).ShouldBeTrue();
        code.TryRedeem("right", Now.AddMinutes(10)).ShouldBeFalse();

        code.Attempts.ShouldBe(0);
        code.UsedAt.ShouldBeNull();
    }

    [Fact]
    public void A_superseded_code_is_dead()
    {
        var code = Issue();

        code.Supersede(Now.AddMinutes(1));

        code.SupersededAt.ShouldBe(Now.AddMinutes(1));
        code.TryRedeem("right", Now.AddMinutes(2)).ShouldBeFalse();
        code.Attempts.ShouldBe(0);
    }

    [Fact]
    public void Superseding_a_used_code_leaves_it_as_it_was()
    {
        var code = Issue();
        code.TryRedeem("right", Now);

        code.Supersede(Now.AddMinutes(1));

        code.SupersededAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(new[] { "Customer" }, true)]
    [InlineData(new[] { "Customer", "Organizer" }, false)]
    [InlineData(new[] { "Admin" }, false)]
    [InlineData(new[] { "Staff" }, false)]
    [InlineData(new string[0], false)]
    public void Only_plain_customers_sign_in_with_codes(string[] roles, bool allowed) =>
        OneTimeCode.IsAllowedFor(roles).ShouldBe(allowed);

    private static OneTimeCode Issue() => OneTimeCode.Issue(Guid.NewGuid(), "fan@example.com", "123456", "right", Now);
}
