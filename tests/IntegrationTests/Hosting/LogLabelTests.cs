using Serilog.Events;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

/// <summary>scripts/run.sh prints both hosts into one console; every line says which host wrote it.</summary>
public sealed class LogLabelTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Every_line_the_web_api_logs_is_labelled_WebApi()
    {
        var response = await Anonymous().GetAsync($"/api/events/{Guid.NewGuid()}");
        var requestId = response.Headers.GetValues("X-Request-Id").Single();

        var lines = Factory.Logs.ForRequest(requestId);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(e => ApplicationOf(e) == "WebApi");
    }

    public static string? ApplicationOf(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("Application", out var value) && value is ScalarValue { Value: string name } ? name : null;
}
