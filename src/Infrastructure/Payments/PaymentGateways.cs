using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Payments.Paystack;

namespace Ticketing.Infrastructure.Payments;

/// <summary>
/// The providers this deployment accepts webhooks from, and the one new card payments use. The simulated provider
/// exists only in Development: elsewhere its name is unknown, so its webhooks are refused.
/// </summary>
public sealed class PaymentGateways(IServiceProvider services, IOptions<PaymentProviderOptions> options, IHostEnvironment environment)
    : IPaymentGateways
{
    public IPaymentGateway Default =>
        Find(options.Value.Provider) ?? throw new InvalidOperationException($"Payments:Provider '{options.Value.Provider}' is not available here.");

    public IPaymentGateway? Find(string name) => name.ToLowerInvariant() switch
    {
        "paystack" => Paystack(),
        SimulatedGateway.ProviderName when environment.IsDevelopment() => services.GetService(typeof(SimulatedGateway)) as IPaymentGateway,
        _ => null,
    };

    /// <summary>Paystack without a secret key is not configured here: its webhooks are for someone else.</summary>
    private PaystackGateway? Paystack()
    {
        try
        {
            return services.GetService(typeof(PaystackGateway)) as PaystackGateway;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
