using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ticketing.Application.Common.Behaviours;
using Ticketing.UnitTests.TestDoubles;

namespace Ticketing.UnitTests.Application.Behaviours;

public sealed class PerformanceBehaviourTests
{
    [Fact]
    public async Task A_request_slower_than_the_threshold_is_reported_with_its_duration()
    {
        var clock = new FakeTimeProvider();
        var logger = new ListLogger<Slow>();
        var behaviour = new PerformanceBehaviour<Slow, string>(logger, TestUser.Anonymous, clock);

        await behaviour.Handle(new Slow(), CancellationToken.None, () =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(750));
            return Task.FromResult("done");
        });

        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldBe("Slow request Slow took 750 ms for anonymous");
    }

    [Fact]
    public async Task A_request_within_the_threshold_is_not_reported()
    {
        var clock = new FakeTimeProvider();
        var logger = new ListLogger<Slow>();
        var behaviour = new PerformanceBehaviour<Slow, string>(logger, TestUser.Anonymous, clock);

        await behaviour.Handle(new Slow(), CancellationToken.None, () =>
        {
            clock.Advance(PerformanceBehaviour<Slow, string>.Threshold);
            return Task.FromResult("done");
        });

        logger.Entries.ShouldBeEmpty();
    }

    public sealed record Slow : IRequest<string>;
}
