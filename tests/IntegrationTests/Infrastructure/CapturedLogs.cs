using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>Every log event the API writes, so tests can check what was (and was not) logged.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> ForRequest(string requestId) =>
        Events.Where(e => e.Properties.TryGetValue("RequestId", out var id) && id is ScalarValue { Value: string s } && s == requestId).ToList();
}
