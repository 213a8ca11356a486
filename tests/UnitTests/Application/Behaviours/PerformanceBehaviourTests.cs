using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ticketing.Application.Common.Behaviours;
using Ticketing.UnitTests.TestDoubles;

namespace Ticketing.UnitTests.Application.Behaviours;

public sealed class PerformanceBehaviourTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ListLogger<Slow> _logger = new();
    private readonly RequestWarmUp _warmUp = new();

    [Fact]
    public async Task A_request_slower_than_the_threshold_is_reported_with_its_duration()
    {
        await RunAsync(TimeSpan.FromMilliseconds(10));

        await RunAsync(TimeSpan.FromMilliseconds(750));

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldBe("Slow request Slow took 750 ms for anonymous");
    }

    [Fact]
    public async Task A_request_within_the_threshold_is_not_reported()
    {
        await RunAsync(TimeSpan.FromMilliseconds(10));

        await RunAsync(PerformanceBehaviour<Slow, string>.Threshold);

        _logger.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_first_run_of_a_request_type_is_warm_up_and_not_warned_about()
    {
        await RunAsync(TimeSpan.FromMilliseconds(2_000));

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Debug);
        entry.Message.ShouldBe("Slow first request Slow took 2000 ms for anonymous (warm-up)");
    }

    [Fact]
    public async Task A_slow_run_after_the_first_one_completed_is_warned_about_again()
    {
        await RunAsync(TimeSpan.FromMilliseconds(2_000));
        await RunAsync(TimeSpan.FromMilliseconds(900));

        _logger.Entries.Select(e => e.Level).ShouldBe([LogLevel.Debug, LogLevel.Warning]);
    }

    private Task<string> RunAsync(TimeSpan takes) =>
        new PerformanceBehaviour<Slow, string>(_logger, TestUser.Anonymous, _clock, _warmUp)
            .Handle(new Slow(), CancellationToken.None, () =>
            {
                _clock.Advance(takes);
                return Task.FromResult("done");
            });

    public sealed record Slow : IRequest<string>;
}
