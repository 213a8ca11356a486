namespace Ticketing.Application.Payments;

public static class PaymentErrorCodes
{
    public const string InsufficientFunds = "INSUFFICIENT_FUNDS";
    public const string InvalidSignature = "INVALID_SIGNATURE";
    public const string GatewayUnavailable = "PAYMENT_GATEWAY_UNAVAILABLE";
}
