using Ticketing.Domain.Common;
using static Ticketing.UnitTests.Domain.Events.EventFactory;

namespace Ticketing.UnitTests.Domain.Events;

public sealed class EventLimitTests
{
    [Fact]
    public void A_customer_may_take_up_to_the_limit_counting_what_they_hold_or_bought()
    {
        var @event = Draft();

        Should.NotThrow(() => @event.EnsureWithinLimit(0, @event.MaxTicketsPerCustomer));
        Should.NotThrow(() => @event.EnsureWithinLimit(@event.MaxTicketsPerCustomer - 1, 1));
    }

    [Fact]
    public void One_ticket_past_the_limit_is_refused_with_LIMIT_EXCEEDED_and_says_what_they_have()
    {
        var @event = Draft();
        var already = @event.MaxTicketsPerCustomer - 1;

        var refusal = Should.Throw<DomainException>(() => @event.EnsureWithinLimit(already, 2));

        refusal.Code.Value.ShouldBe("LIMIT_EXCEEDED");
        refusal.Message.ShouldContain($"you hold or bought {already}");
    }
}
