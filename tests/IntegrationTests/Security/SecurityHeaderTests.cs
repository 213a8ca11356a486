using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Security;

public sealed class SecurityHeaderTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    [Fact]
    public async Task An_API_answer_a_404_and_a_problem_all_carry_the_hardening_headers()
    {
        var customer = await CreateUserAsync();

        var ok = await customer.Client.GetAsync("/api/auth/me");
        var notFound = await Anonymous().GetAsync("/api/no-such-thing");
        var problem = await customer.Client.GetAsync("/api/admin/users");

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        await notFound.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await problem.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        foreach (var response in new[] { ok, notFound, problem })
        {
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
            Header(response, "X-Frame-Options").ShouldBe("DENY");
            Header(response, "Referrer-Policy").ShouldBe("no-referrer");
            Header(response, "Content-Security-Policy").ShouldBe(ApiPolicy);
        }
    }

    [Fact]
    public async Task Swagger_UI_and_the_simulated_checkout_get_a_policy_that_lets_their_pages_work()
    {
        var swagger = await Anonymous().GetAsync("/swagger/index.html");
        var checkout = await Anonymous().GetAsync("/simulated-gateway/checkout/no-such-payment");

        swagger.StatusCode.ShouldBe(HttpStatusCode.OK);
        var swaggerPolicy = Header(swagger, "Content-Security-Policy");
        swaggerPolicy.ShouldContain("script-src 'self'");
        swaggerPolicy.ShouldContain("connect-src 'self'");
        swaggerPolicy.ShouldContain("frame-ancestors 'none'");
        swaggerPolicy.ShouldNotContain("unsafe-eval");
        var checkoutPolicy = Header(checkout, "Content-Security-Policy");
        checkoutPolicy.ShouldContain("form-action 'self'");
        checkoutPolicy.ShouldNotContain("script-src");
        Header(checkout, "X-Frame-Options").ShouldBe("DENY");
    }

    [Fact]
    public async Task HSTS_is_sent_over_HTTPS_outside_Development_and_never_in_Development()
    {
        using var production = new TicketingApiFactory(Fixture.ConnectionString, "Production");
        production.Settings["Email:Smtp:Host"] = "smtp.example.com";
        production.Settings["Jwt:SigningKey"] = new string('k', 48);
        production.Settings["Queue:AdmissionTokenKey"] = new string('q', 48);
        production.Settings["Tickets:CodeSigningKey"] = new string('t', 48);
        production.Settings["Payments:Paystack:SecretKey"] = "sk_live_configured";
        var overHttps = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tickets.example.com") };

        var secure = await production.CreateClient(overHttps).GetAsync("/health/live");
        var secureProblem = await production.CreateClient(overHttps).PostAsync("/api/auth/login", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        var development = await Factory.CreateClient(overHttps).GetAsync("/health/live");

        Header(secure, "Strict-Transport-Security").ShouldStartWith("max-age=");
        await secureProblem.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
        Header(secureProblem, "Strict-Transport-Security").ShouldStartWith("max-age=");
        development.StatusCode.ShouldBe(HttpStatusCode.OK);
        development.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        Header(development, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : throw new ShouldAssertException($"{name} is missing from the {(int)response.StatusCode} response");
}
