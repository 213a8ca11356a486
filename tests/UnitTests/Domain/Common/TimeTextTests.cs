using System.Text.Json;
using Ticketing.Domain.Common;

namespace Ticketing.UnitTests.Domain.Common;

public sealed class TimeTextTests
{
    [Theory]
    [InlineData(3791130)]
    [InlineData(3791137)]
    [InlineData(5000000)]
    [InlineData(0)]
    public void A_time_in_a_message_is_spelt_as_the_json_answer_spells_it(long ticks)
    {
        var time = new DateTimeOffset(2026, 12, 4, 19, 42, 7, TimeSpan.Zero).AddTicks(ticks);

        time.ToIso().ShouldBe(JsonSerializer.Serialize(time).Trim('"'));
    }

    [Fact]
    public void An_offset_other_than_utc_is_kept() =>
        new DateTimeOffset(2026, 12, 4, 19, 42, 7, 379, TimeSpan.FromHours(1)).ToIso().ShouldBe("2026-12-04T19:42:07.379+01:00");
}
