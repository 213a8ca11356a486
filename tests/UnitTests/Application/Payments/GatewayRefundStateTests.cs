using Ticketing.Application.Common.Interfaces;

namespace Ticketing.UnitTests.Application.Payments;

public sealed class GatewayRefundStateTests
{
    [Fact]
    public void A_processed_refund_stands_over_a_failed_one_listed_before_it()
    {
        var refunds = new[]
        {
            new GatewayRefundState("rf_1", GatewayRefundStatus.Failed),
            new GatewayRefundState("rf_2", GatewayRefundStatus.Pending),
            new GatewayRefundState("rf_3", GatewayRefundStatus.Processed),
        };

        GatewayRefundState.Standing(refunds)!.RefundId.ShouldBe("rf_3");
        GatewayRefundState.Standing(refunds[..2])!.RefundId.ShouldBe("rf_2");
        GatewayRefundState.Standing(refunds[..1])!.Status.ShouldBe(GatewayRefundStatus.Failed);
        GatewayRefundState.Standing([]).ShouldBeNull();
    }
}
