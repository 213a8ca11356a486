using Serilog.Events;
using Ticketing.Application.Bookings.Commands.RefundCancelledEvents;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

/// <summary>The Worker's first runs on a fresh start print no EF warning a newcomer would take for a fault.</summary>
public sealed class WorkerQueryWarningTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Refunding_cancelled_events_takes_its_batch_in_a_defined_order_without_an_EF_warning()
    {
        await SendAsync(new RefundCancelledEventsCommand());

        // EF warns once per process, when it first compiles the query: the whole run's log is checked, not this test's.
        Factory.Logs.Events
            .Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.Contains("row limiting operator", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }
}
