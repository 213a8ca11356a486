
namespace Ticketing.Infrastructure.Payments;

/// <summary>Which provider takes card payments (section "Payments") and the simulated provider's settings.</summary>
public sealed class PaymentProviderOptions
{
    public const string SectionName = "Payments";

    /// <summary><c>paystack</c>, or <c>simulated</c> (Development only).</summary>
    public string Provider { get; set; } = "paystack";

    public SimulatedGatewayOptions Simulated { get; set; } = new();

    public bool UsesPaystack => string.Equals(Provider, "paystack", StringComparison.OrdinalIgnoreCase);

    public bool UsesSimulated => string.Equals(Provider, SimulatedGateway.ProviderName, StringComparison.OrdinalIgnoreCase);
}

public sealed class SimulatedGatewayOptions
{
    /// <summary>Signs the simulated provider's webhooks like Paystack's secret key signs theirs.</summary>
    public string SecretKey { get; set; } = string.Empty;
}
