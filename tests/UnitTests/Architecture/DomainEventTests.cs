using System.Reflection;
using Ticketing.Domain.Common;

namespace Ticketing.UnitTests.Architecture;

/// <summary>Domain events travel through the outbox as JSON; what they carry must come back out exactly.</summary>
public sealed class DomainEventTests
{
    private static readonly Type[] WireTypes =
        [typeof(Guid), typeof(string), typeof(int), typeof(long), typeof(bool), typeof(DateTimeOffset), typeof(decimal)];

    public static TheoryData<Type> EventTypes() =>
        new(typeof(IDomainEvent).Assembly.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_domain_event_carries_only_plain_values(Type eventType)
    {
        foreach (var property in eventType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            (type.IsEnum || WireTypes.Contains(type)).ShouldBeTrue($"{eventType.Name}.{property.Name} is a {type.Name}; events carry plain values");
        }
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_domain_event_is_a_sealed_record_named_in_the_past_tense_in_a_file_of_its_own(Type eventType)
    {
        eventType.IsSealed.ShouldBeTrue($"{eventType.Name} is not sealed");
        (eventType.GetMethod("<Clone>$") is not null).ShouldBeTrue($"{eventType.Name} is not a record");
        eventType.Name.ShouldEndWith("Event");
        var folder = eventType.Namespace!["Ticketing.Domain.".Length..].Replace('.', Path.DirectorySeparatorChar);
        File.Exists(Path.Combine(Repository.Root, "src", "Domain", folder, eventType.Name + ".cs"))
            .ShouldBeTrue($"{eventType.Name} is not declared in src/Domain/{folder}/{eventType.Name}.cs");
    }

    [Fact]
    public void A_domain_event_comes_back_from_the_outbox_equal_to_what_was_written()
    {
        var refunded = new Ticketing.Domain.Payments.PaymentRefundedEvent(Guid.NewGuid(), Guid.NewGuid(), 5_100, "USD");

        var read = Ticketing.Infrastructure.Outbox.OutboxSerializer.Deserialize(
            Ticketing.Infrastructure.Outbox.OutboxSerializer.TypeName(refunded), Ticketing.Infrastructure.Outbox.OutboxSerializer.Serialize(refunded));

        read.ShouldBe(refunded);
    }
}
