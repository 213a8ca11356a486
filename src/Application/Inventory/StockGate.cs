namespace Ticketing.Application.Inventory;

/// <summary>
/// Lets this process's claims through the stock update and commit of an event two at a time. Every claim of an
/// on-sale updates the same ticket_types row, and PostgreSQL keeps that row locked from the UPDATE until the
/// COMMIT arrives — one client round trip later. With a hundred transactions queued on the lock, each also waits
/// for the scheduling of every one ahead of it; waiting here instead keeps that queue short (bench/README.md has
/// the figures). Correctness never rests on it: the conditional UPDATE does, across processes too.
/// </summary>
public sealed class StockGate
{
    private const int PermitsPerEvent = 2;

    // Striped rather than one per event, so the memory stays fixed however many events there are.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(PermitsPerEvent)).ToArray();

    public async Task<Pass> EnterAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(eventId.GetHashCode() & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        return new Pass(stripe);
    }

    public readonly struct Pass(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
