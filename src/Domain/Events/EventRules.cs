namespace Ticketing.Domain.Events;

/// <summary>The limits an event's settings must respect; validators use them for field errors, the entity as a guard.</summary>
public static class EventRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MinClaimTtlMinutes = 1;
    public const int MaxClaimTtlMinutes = 30;
    public const int DefaultClaimTtlMinutes = 10;
    public const int DefaultMaxTicketsPerCustomer = 4;
    public const int MaxTicketsPerCustomerLimit = 20;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 1_000_000;
    public const int MaxTicketTypes = 20;
    public const int MaxAdmissionsPerMinute = 100_000;
    public const int MaxAdmissionWindowMinutes = 60;

    /// <summary>
    /// Every time an event sets lies in this range: far from the calendar's edges, so the times derived from them
    /// (doors four hours before the start, windows and reminders) stay representable.
    /// </summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestTime = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsInRange(DateTimeOffset time) => time >= EarliestTime && time <= LatestTime;
}
