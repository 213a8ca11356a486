namespace Ticketing.Domain.Events;

/// <summary>The waiting-room settings of an event: whether customers queue, how fast they are let in, for how long.</summary>
public sealed record QueueSettings(bool Enabled, int AdmissionsPerMinute, int AdmissionWindowMinutes)
{
    public static QueueSettings Off { get; } = new(false, 60, 10);
}
