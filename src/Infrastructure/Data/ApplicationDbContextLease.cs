using Microsoft.EntityFrameworkCore;

namespace Ticketing.Infrastructure.Data;

/// <summary>
/// A request's <see cref="ApplicationDbContext"/>, rented from the pool and given back when the request's scope ends.
/// The context knows the scope that rented it for as long as the lease lasts: the pool-shared interceptors take the
/// request's services (the current user) from there.
/// </summary>
internal sealed class ApplicationDbContextLease : IAsyncDisposable, IDisposable
{
    public ApplicationDbContextLease(IDbContextFactory<ApplicationDbContext> pool, IServiceProvider scope)
    {
        Context = pool.CreateDbContext();
        Context.LeasedBy = scope;
    }

    public ApplicationDbContext Context { get; }

    public ValueTask DisposeAsync()
    {
        Context.LeasedBy = null;
        return Context.DisposeAsync();
    }

    public void Dispose()
    {
        Context.LeasedBy = null;
        Context.Dispose();
    }
}
