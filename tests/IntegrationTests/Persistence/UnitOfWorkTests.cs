using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Persistence;

/// <summary>The hot rows go with the commit (ADR 0024): all of the transaction commits, or none of it.</summary>
public sealed class UnitOfWorkTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Hot_rows_commit_with_everything_before_them_and_then_the_after_commit_work_runs()
    {
        var venueId = await NewVenueAsync();
        string? seenAfterCommit = null;

        await InTransactionAsync(venueId, hotRows: context =>
            context.Database.ExecuteSql($"UPDATE venues SET address = 'Hot Street 1' WHERE id = {venueId}"),
            afterCommit: async () => seenAfterCommit = await ScalarAsync<string>("SELECT address FROM venues WHERE id = @id", ("id", venueId)));

        (await ScalarAsync<string>("SELECT name FROM venues WHERE id = @id", ("id", venueId))).ShouldBe("Renamed first");
        (await ScalarAsync<string>("SELECT address FROM venues WHERE id = @id", ("id", venueId))).ShouldBe("Hot Street 1");
        seenAfterCommit.ShouldBe("Hot Street 1");
    }

    [Fact]
    public async Task A_failing_hot_statement_commits_nothing_and_runs_no_after_commit_work()
    {
        var venueId = await NewVenueAsync();
        var afterCommitRan = false;

        await Should.ThrowAsync<InvalidOperationException>(() => InTransactionAsync(venueId, hotRows: context =>
            {
                context.Database.ExecuteSql($"UPDATE venues SET address = 'Hot Street 1' WHERE id = {venueId}");
                throw new InvalidOperationException("the stock moved");
            },
            afterCommit: () =>
            {
                afterCommitRan = true;
                return Task.CompletedTask;
            }));

        (await ScalarAsync<string>("SELECT name FROM venues WHERE id = @id", ("id", venueId))).ShouldNotBe("Renamed first");
        (await ScalarAsync<string>("SELECT address FROM venues WHERE id = @id", ("id", venueId))).ShouldNotBe("Hot Street 1");
        afterCommitRan.ShouldBeFalse();
    }

    private async Task<Guid> NewVenueAsync()
    {
        var organizer = await CreateUserAsync("Organizer");
        return (await organizer.Client.CreateVenueAsync("Unit of work hall")).Id;
    }

    /// <summary>Renames the venue (asynchronously, as a use case's earlier statements are), then commits after <paramref name="hotRows"/>.</summary>
    private async Task InTransactionAsync(Guid venueId, Action<ApplicationDbContext> hotRows, Func<Task> afterCommit)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var transaction = await unitOfWork.BeginAsync(CancellationToken.None);
        await context.Database.ExecuteSqlAsync($"UPDATE venues SET name = 'Renamed first' WHERE id = {venueId}");
        unitOfWork.AfterCommit("check", _ => afterCommit());
        await transaction.CommitAfterAsync(() => hotRows(context), CancellationToken.None);
    }
}
