using Ticketing.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Identity;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Persistence;

/// <summary>Contexts are pooled (ADR 0019): one request's context must come to the next as if new.</summary>
public sealed class DbContextPoolTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const int Leases = 20;

    [Fact]
    public async Task A_context_returned_to_the_pool_keeps_nothing_of_the_request_that_used_it()
    {
        var used = new List<ApplicationDbContext>();
        var scopes = Enumerable.Range(0, Leases).Select(_ => Factory.Services.CreateAsyncScope()).ToList();
        foreach (var scope in scopes)
        {
            var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await using (await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync(CancellationToken.None))
            {
                await context.Venues.ToListAsync();
            }

            context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.Users.Add(ApplicationUser.Register($"left-{Guid.NewGuid():N}@example.com", "Left behind", Clock.GetUtcNow()));
            used.Add(context);
        }

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        var again = new List<ApplicationDbContext>();
        var next = Enumerable.Range(0, Leases).Select(_ => Factory.Services.CreateAsyncScope()).ToList();
        foreach (var scope in next)
        {
            var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            context.Database.AutoSavepointsEnabled.ShouldBeTrue();
            context.ChangeTracker.QueryTrackingBehavior.ShouldBe(QueryTrackingBehavior.TrackAll);
            context.ChangeTracker.AutoDetectChangesEnabled.ShouldBeTrue();
            context.ChangeTracker.Entries().ShouldBeEmpty();
            context.Database.CurrentTransaction.ShouldBeNull();
            again.Add(context);
        }

        // The same instances came back: the checks above were made on reused contexts.
        again.Intersect(used).ShouldNotBeEmpty();
        foreach (var scope in next)
        {
            await scope.DisposeAsync();
        }
    }

    [Fact]
    public async Task Rows_saved_by_simultaneous_requests_are_stamped_with_each_ones_own_user()
    {
        var organizers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CreateUserAsync("Organizer")));

        var venues = await Task.WhenAll(organizers.Select(o => o.Client.CreateVenueAsync($"Hall of {o.Email}")));

        foreach (var (organizer, venue) in organizers.Zip(venues))
        {
            (await ScalarAsync<Guid>("SELECT created_by FROM venues WHERE id = @id", ("id", venue.Id))).ShouldBe(organizer.Id);
        }
    }
}
