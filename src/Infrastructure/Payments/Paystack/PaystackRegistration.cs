using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ticketing.Infrastructure.Payments.Paystack;

public static class PaystackRegistration
{
    /// <summary>
    /// Registers <see cref="PaystackGateway"/> as a typed HTTP client, resolvable as itself. Its options are validated when it is
    /// first resolved, not at start-up: the host decides whether Paystack is the active provider at all.
    /// </summary>
    public static IServiceCollection AddPaystackGateway(this IServiceCollection services)
    {
        services.AddOptions<PaystackOptions>().BindConfiguration(PaystackOptions.SectionName).ValidateDataAnnotations();
        services.AddHttpClient<PaystackGateway>((provider, client) =>
        {
            var settings = provider.GetRequiredService<IOptions<PaystackOptions>>().Value;
            // The trailing slash keeps a base path (a proxy, a fake) when the gateway's relative paths are resolved against it.
            client.BaseAddress = new Uri(settings.BaseUrl.TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        });

        return services;
    }
}
