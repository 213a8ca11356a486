using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;

namespace Ticketing.UnitTests.Domain.Claims;

public sealed class ClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_claim_totals_its_lines_and_holds_them_for_its_TTL()
    {
        var claim = Pending();

        claim.Total.ShouldBe(Money.FromMajor(95.50m, "USD"));
        claim.Quantity.ShouldBe(3);
        claim.ExpiresAt.ShouldBe(Now.AddMinutes(10));
        claim.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ClaimCreatedEvent>();
    }

    [Theory]
    [InlineData("Release")]
    [InlineData("Confirm")]
    [InlineData("Expire")]
    public void A_pending_claim_ends_once_and_nothing_ends_it_twice(string first)
    {
        var claim = Pending();
        var end = Now.AddMinutes(10);
        Action<Claim> act = first switch
        {
            "Release" => c => c.Release(end),
            "Confirm" => c => c.Confirm(end),
            _ => c => c.Expire(end),
        };

        act(claim);

        Should.Throw<DomainException>(() => claim.Release(end));
        Should.Throw<DomainException>(() => claim.Confirm(end));
        Should.Throw<DomainException>(() => claim.Expire(end));
    }

    [Fact]
    public void A_claim_expires_only_past_its_TTL_and_an_expired_one_says_CLAIM_EXPIRED()
    {
        var claim = Pending();

        Should.Throw<DomainException>(() => claim.Expire(Now.AddMinutes(9)));
        claim.Expire(Now.AddMinutes(10));

        claim.Status.ShouldBe(ClaimStatus.Expired);
        Should.Throw<DomainException>(() => claim.Confirm(Now.AddMinutes(11))).Code.Value.ShouldBe("CLAIM_EXPIRED");
    }

    [Fact]
    public void A_claim_can_be_paid_only_while_it_holds_its_tickets()
    {
        var claim = Pending();

        claim.EnsurePayable(Now.AddMinutes(9));
        Should.Throw<DomainException>(() => claim.EnsurePayable(Now.AddMinutes(10))).Code.Value.ShouldBe("CLAIM_EXPIRED");
        claim.Release(Now.AddMinutes(1));
        Should.Throw<DomainException>(() => claim.EnsurePayable(Now.AddMinutes(2))).Code.Value.ShouldBe("INVALID_STATE");
    }

    [Fact]
    public void An_expired_claim_cannot_be_paid_even_before_the_clock_says_so()
    {
        var claim = Pending();
        claim.Expire(Now.AddMinutes(10));

        Should.Throw<DomainException>(() => claim.EnsurePayable(Now)).Code.Value.ShouldBe("CLAIM_EXPIRED");
    }

    [Fact]
    public void The_expiry_warning_comes_once_within_the_notice()
    {
        var claim = Pending();
        claim.ClearDomainEvents();

        claim.WarnIfExpiringWithin(TimeSpan.FromMinutes(2), Now.AddMinutes(7));
        claim.DomainEvents.ShouldBeEmpty();
        claim.WarnIfExpiringWithin(TimeSpan.FromMinutes(2), Now.AddMinutes(8));
        claim.WarnIfExpiringWithin(TimeSpan.FromMinutes(2), Now.AddMinutes(9));

        claim.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ClaimExpiringEvent>();
    }

    [Fact]
    public void A_claim_needs_tickets_in_one_currency()
    {
        Should.Throw<DomainException>(() => Claim.Create(Guid.NewGuid(), Guid.NewGuid(), null, [], Now, TimeSpan.FromMinutes(10)));
        Should.Throw<DomainException>(() => Claim.Create(Guid.NewGuid(), Guid.NewGuid(), null,
            [new ClaimLine(Guid.NewGuid(), 1, Money.FromMajor(1m, "USD"), []), new ClaimLine(Guid.NewGuid(), 1, Money.FromMajor(1m, "EUR"), [])],
            Now, TimeSpan.FromMinutes(10)));
    }

    private static Claim Pending() => Claim.Create(Guid.NewGuid(), Guid.NewGuid(), null,
        [new ClaimLine(Guid.NewGuid(), 2, Money.FromMajor(25.25m, "USD"), []), new ClaimLine(Guid.NewGuid(), 1, Money.FromMajor(45m, "USD"), [])],
        Now, TimeSpan.FromMinutes(10));
}
