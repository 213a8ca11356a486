using System.Collections.Concurrent;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>
/// Which request types have completed once in this process. A type's first run pays for JIT compilation, EF query
/// compilation and the first pooled connections, so it is routinely slower than the threshold on a fresh start; the
/// performance behaviour does not warn about it, and warns about every later run as before.
/// </summary>
public sealed class RequestWarmUp
{
    private readonly ConcurrentDictionary<Type, byte> _completed = new();

    /// <summary>True until one request of <paramref name="requestType"/> has completed (runs started before then are warm-up too).</summary>
    public bool IsWarmingUp(Type requestType) => !_completed.ContainsKey(requestType);

    public void Completed(Type requestType) => _completed.TryAdd(requestType, 0);
}
