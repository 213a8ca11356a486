using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.UnitTests.Domain.Payments;

public sealed class PaymentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Money Total = Money.FromMajor(51m, "USD");

    [Fact]
    public void A_payment_the_wallet_covers_succeeds_at_once_and_needs_no_provider()
    {
        var payment = Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Wallet, Total, null, Now);

        payment.Status.ShouldBe(PaymentStatus.Succeeded);
        payment.NeedsCard.ShouldBeFalse();
        payment.Provider.ShouldBeNull();
        payment.Reference.ShouldBe($"pay_{payment.Id:N}");
        payment.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<PaymentSucceededEvent>();
    }

    [Fact]
    public void Split_charges_the_card_for_what_the_wallet_does_not_cover()
    {
        var payment = Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Split, Money.FromMajor(20m, "USD"), "paystack", Now);

        payment.Status.ShouldBe(PaymentStatus.Pending);
        payment.CardAmount.ShouldBe(3_100);
        payment.Matches(3_100, "usd").ShouldBeTrue();
        payment.Matches(5_100, "USD").ShouldBeFalse();
    }

    [Fact]
    public void A_wallet_part_that_does_not_fit_the_method_is_refused()
    {
        Should.Throw<DomainException>(() => Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Card, Money.FromMajor(1m, "USD"), "paystack", Now));
        Should.Throw<DomainException>(() => Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Wallet, Money.FromMajor(1m, "USD"), "paystack", Now));
        Should.Throw<DomainException>(() => Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Cash, Money.Zero("USD"), "paystack", Now));
    }

    [Fact]
    public void A_capture_outranks_an_earlier_failure_but_a_failure_never_undoes_a_capture()
    {
        var payment = Card();

        payment.Fail(Now, "declined");
        payment.Succeed(Now.AddMinutes(1), "tx-1");

        payment.Status.ShouldBe(PaymentStatus.Succeeded);
        payment.FailureReason.ShouldBeNull();
        Should.Throw<DomainException>(() => payment.Fail(Now.AddMinutes(2), "late failure")).Code.Value.ShouldBe("INVALID_STATE");
        Should.Throw<DomainException>(() => payment.Succeed(Now.AddMinutes(2), "tx-2"));
    }

    [Fact]
    public void A_refund_is_requested_once_and_completes_once()
    {
        var payment = Card();
        Should.Throw<DomainException>(() => payment.RequestRefund(Now));
        payment.Succeed(Now, "tx");
        payment.ClearDomainEvents();

        payment.RequestRefund(Now);
        payment.RequestRefund(Now.AddMinutes(1));
        payment.MarkRefunded(Now.AddMinutes(2));
        payment.MarkRefunded(Now.AddMinutes(3));

        payment.DomainEvents.Count(e => e is PaymentRefundRequestedEvent).ShouldBe(1);
        payment.DomainEvents.OfType<PaymentRefundedEvent>().ShouldHaveSingleItem().Amount.ShouldBe(5_100);
        payment.RefundedAt.ShouldBe(Now.AddMinutes(2));
    }

    [Fact]
    public void A_top_up_is_a_card_payment_for_more_than_zero()
    {
        Payment.ForTopUp(Guid.NewGuid(), Money.FromMajor(40m, "USD"), "paystack", Now).Purpose.ShouldBe(PaymentPurpose.WalletTopUp);
        Should.Throw<DomainException>(() => Payment.ForTopUp(Guid.NewGuid(), Money.Zero("USD"), "paystack", Now));
    }

    private static Payment Card() => Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Card, Money.Zero("USD"), "paystack", Now);
}
