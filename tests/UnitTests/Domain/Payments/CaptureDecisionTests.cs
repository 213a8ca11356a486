using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.UnitTests.Domain.Payments;

public sealed class CaptureDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Money Total = Money.FromMajor(51m, "USD");

    [Fact]
    public void A_second_notice_of_a_capture_changes_nothing()
    {
        var payment = Card();
        payment.Succeed(Now, "tx-1");

        CaptureDecision.Of(payment, payment.CardAmount, "USD").ShouldBe(CaptureOutcome.AlreadySettled);
    }

    [Fact]
    public void A_capture_of_another_amount_or_currency_is_flagged()
    {
        var payment = Card();

        CaptureDecision.Of(payment, payment.CardAmount - 1, "USD").ShouldBe(CaptureOutcome.Flag);
        CaptureDecision.Of(payment, payment.CardAmount, "NGN").ShouldBe(CaptureOutcome.Flag);
    }

    [Fact]
    public void A_captured_top_up_credits_the_wallet()
    {
        var payment = Payment.ForTopUp(Guid.NewGuid(), Total, "paystack", Now);

        CaptureDecision.Of(payment, payment.CardAmount, "USD").ShouldBe(CaptureOutcome.CreditWallet);
    }

    [Fact]
    public void A_matching_capture_for_a_claim_is_the_claims_to_decide()
    {
        CaptureDecision.Of(Card(), Total.Amount, "usd").ShouldBe(CaptureOutcome.ApplyToClaim);
    }

    [Fact]
    public void A_claim_that_still_holds_its_tickets_is_booked()
    {
        CaptureDecision.ForClaim(Card(), ClaimStatus.Pending, superseded: false, stockRetakable: false).ShouldBe(CaptureOutcome.Book);
    }

    [Theory]
    [InlineData(ClaimStatus.Expired)]
    [InlineData(ClaimStatus.Released)]
    public void An_ended_claim_whose_stock_may_be_taken_again_is_retaken_then_booked(ClaimStatus status)
    {
        CaptureDecision.ForClaim(Card(), status, superseded: false, stockRetakable: true).ShouldBe(CaptureOutcome.RetakeThenBook);
    }

    [Theory]
    [InlineData(ClaimStatus.Expired)]
    [InlineData(ClaimStatus.Released)]
    [InlineData(ClaimStatus.Confirmed)]
    public void A_claim_that_ended_for_good_gets_the_money_refunded(ClaimStatus status)
    {
        CaptureDecision.ForClaim(Card(), status, superseded: false, stockRetakable: false).ShouldBe(CaptureOutcome.Refund);
    }

    [Fact]
    public void A_given_up_payment_whose_wallet_part_went_back_is_refunded_even_if_the_claim_still_holds()
    {
        var payment = Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Split, Money.FromMajor(20m, "USD"), "paystack", Now);
        payment.Fail(Now, "declined");

        CaptureDecision.ForClaim(payment, ClaimStatus.Pending, superseded: false, stockRetakable: true).ShouldBe(CaptureOutcome.Refund);
    }

    [Fact]
    public void A_given_up_payment_another_payment_replaced_is_refunded()
    {
        var payment = Card();
        payment.Fail(Now, "declined");

        CaptureDecision.ForClaim(payment, ClaimStatus.Pending, superseded: true, stockRetakable: false).ShouldBe(CaptureOutcome.Refund);
    }

    [Fact]
    public void A_given_up_card_payment_nothing_replaced_still_pays_for_its_claim()
    {
        var payment = Card();
        payment.Fail(Now, "declined");

        CaptureDecision.ForClaim(payment, ClaimStatus.Pending, superseded: false, stockRetakable: false).ShouldBe(CaptureOutcome.Book);
    }

    private static Payment Card() => Payment.ForClaim(Guid.NewGuid(), Guid.NewGuid(), Total, PaymentMethod.Card, Money.Zero("USD"), "paystack", Now);
}
