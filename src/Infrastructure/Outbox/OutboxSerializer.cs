using System.Collections.Frozen;
using System.Text.Json;
using Ticketing.Domain.Common;

namespace Ticketing.Infrastructure.Outbox;

/// <summary>
/// Writes domain events as JSON under their type's full name and reads them back. Only types of the Domain
/// assembly are read, so a row can never make the dispatcher instantiate an arbitrary type.
/// </summary>
public static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> EventTypes = typeof(IDomainEvent).Assembly
        .GetTypes()
        .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .ToFrozenDictionary(t => t.FullName!);

    /// <summary>The stored type names of the events whose delivery moves money.</summary>
    public static readonly string[] MoneyMovingTypeNames = EventTypes.Values
        .Where(t => typeof(IMoneyMovingEvent).IsAssignableFrom(t))
        .Select(t => t.FullName!)
        .Order()
        .ToArray();

    public static string TypeName(IDomainEvent domainEvent) => domainEvent.GetType().FullName!;

    public static string Serialize(IDomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Options);

    public static IDomainEvent? Deserialize(string typeName, string payload)
    {
        if (!EventTypes.TryGetValue(typeName, out var type))
        {
            return null;
        }

        try
        {
            return (IDomainEvent?)JsonSerializer.Deserialize(payload, type, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
