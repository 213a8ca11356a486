using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Payments.Paystack;

namespace Ticketing.Infrastructure.Payments;

/// <summary>
/// The Development provider: checkout is the API's own /simulated-gateway page, whose Pay and Decline buttons record
/// the outcome (<see cref="SimulatedCharge"/>) and send a webhook in Paystack's format, signed the same way with
/// Payments:Simulated:SecretKey. Verify answers from what the page recorded. Refunds complete at once.
/// </summary>
public sealed class SimulatedGateway(IOptions<PaymentProviderOptions> options, ApplicationDbContext context, TimeProvider timeProvider) : IPaymentGateway
{
    public const string ProviderName = "simulated";

    public string Name => ProviderName;

    public string SecretKey => options.Value.Simulated.SecretKey;

    public Task<GatewayCheckout> InitializeAsync(GatewayCharge charge, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayCheckout($"/simulated-gateway/checkout/{Uri.EscapeDataString(charge.Reference)}"));

    /// <summary>Pay or Decline was pressed. The first press stands, as a provider's charge outcome does.</summary>
    public async Task RecordAsync(string reference, bool paid, long amount, string currency, string transactionId, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO simulated_charges (reference, paid, amount, currency, transaction_id, recorded_at)
            VALUES ({reference}, {paid}, {amount}, {currency}, {transactionId}, {timeProvider.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);

    /// <summary>Nothing pressed means nothing charged: the checkout was abandoned, as Paystack reports it.</summary>
    public async Task<GatewayVerification> VerifyAsync(string reference, CancellationToken cancellationToken)
    {
        var charge = await context.Set<SimulatedCharge>().AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        return charge is null
            ? new GatewayVerification(GatewayChargeStatus.Abandoned, 0, string.Empty, null)
            : new GatewayVerification(charge.Paid ? GatewayChargeStatus.Succeeded : GatewayChargeStatus.Failed, charge.Amount, charge.Currency, charge.TransactionId);
    }

    public Task<GatewayRefund> RefundAsync(string reference, long amount, string currency, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayRefund(GatewayRefundOutcome.Completed, $"sim_refund_{reference}"));

    /// <summary>Its refunds complete at once and are not kept, so there is never one to find.</summary>
    public Task<IReadOnlyList<GatewayRefundState>> FindRefundsAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GatewayRefundState>>([]);

    public Task<GatewayRefundState?> GetRefundAsync(string refundId, CancellationToken cancellationToken) =>
        Task.FromResult<GatewayRefundState?>(new GatewayRefundState(refundId, GatewayRefundStatus.Processed));

    /// <summary>Its notices imitate Paystack's, header and signature included, so Development exercises the same reading.</summary>
    public PaymentNotice? ReadNotice(GatewayWebhook webhook) => PaystackNotice.Read(webhook, SecretKey);
}
