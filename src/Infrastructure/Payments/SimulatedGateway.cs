using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Payments;

/// <summary>
/// The Development provider: checkout is the API's own /simulated-gateway page, whose Pay and Decline buttons send
/// a webhook in Paystack's format, signed the same way with Payments:Simulated:SecretKey. Refunds complete at once.
/// </summary>
public sealed class SimulatedGateway(IOptions<PaymentProviderOptions> options) : IPaymentGateway
{
    public const string ProviderName = "simulated";

    public string Name => ProviderName;

    public string SecretKey => options.Value.Simulated.SecretKey;

    public Task<GatewayCheckout> InitializeAsync(GatewayCharge charge, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayCheckout($"/simulated-gateway/checkout/{Uri.EscapeDataString(charge.Reference)}"));

    // Nothing is charged until a person presses Pay, which the page reports by webhook.
    public Task<GatewayVerification> VerifyAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayVerification(GatewayChargeStatus.Pending, 0, string.Empty, null));

    public Task<GatewayRefund> RefundAsync(string reference, long amount, string currency, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayRefund(GatewayRefundOutcome.Completed, $"sim_refund_{reference}"));

    public bool IsSignatureValid(ReadOnlySpan<byte> body, string? signature) => WebhookSignature.IsValid(SecretKey, body, signature);
}
