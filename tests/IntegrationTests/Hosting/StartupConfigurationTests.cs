using Microsoft.Extensions.Options;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

public sealed class StartupConfigurationTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void Outside_Development_the_API_refuses_to_start_without_a_JWT_signing_key()
    {
        using var production = new TicketingApiFactory(Fixture.ConnectionString, "Production");
        production.Settings["Email:Smtp:Host"] = "smtp.example.com";

        production.Settings["Queue:AdmissionTokenKey"] = new string('q', 48);
        production.Settings["Tickets:CodeSigningKey"] = new string('t', 48);
        production.Settings["Payments:Paystack:SecretKey"] = "sk_live_configured";

        var failure = Should.Throw<OptionsValidationException>(() => production.CreateClient());

        failure.Message.ShouldContain("Jwt:SigningKey is required");
    }

    [Fact]
    public void The_API_refuses_to_start_with_an_idempotency_lease_no_longer_than_the_payment_gateways_timeout()
    {
        using var api = new TicketingApiFactory(Fixture.ConnectionString);
        api.Settings["Idempotency:InProgressLease"] = "00:00:30";
        api.Settings["Payments:Paystack:TimeoutSeconds"] = "30";

        var failure = Should.Throw<OptionsValidationException>(() => api.CreateClient());

        failure.Message.ShouldContain("Idempotency:InProgressLease must be longer than Payments:Paystack:TimeoutSeconds");
    }

    [Fact]
    public async Task Outside_Development_the_API_starts_with_its_secrets_configured_and_seeds_nothing()
    {
        using var production = new TicketingApiFactory(Fixture.ConnectionString, "Production");
        production.Settings["Email:Smtp:Host"] = "smtp.example.com";
        production.Settings["Jwt:SigningKey"] = new string('k', 48);
        production.Settings["Queue:AdmissionTokenKey"] = new string('q', 48);
        production.Settings["Tickets:CodeSigningKey"] = new string('t', 48);
        production.Settings["Payments:Paystack:SecretKey"] = "sk_live_configured";
        production.Settings["Database:SeedDemoData"] = "true";

        using var client = production.CreateClient();

        (await client.GetAsync("/health/ready")).IsSuccessStatusCode.ShouldBeTrue();
        (await ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
    }
}
