using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ticketing.Application;

namespace Ticketing.UnitTests.Application;

public sealed class MappingTests
{
    [Fact]
    public void Every_AutoMapper_profile_maps_every_destination_member()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddApplication(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<AutoMapper.IConfigurationProvider>().AssertConfigurationIsValid();
    }
}
