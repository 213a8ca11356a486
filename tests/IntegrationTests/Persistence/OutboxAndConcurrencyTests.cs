using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Accounts;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Identity;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Persistence;

public sealed class OutboxAndConcurrencyTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task An_outbox_row_commits_or_rolls_back_with_the_change_that_raised_it()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Users.Add(ApplicationUser.Register("rolled-back@example.com", "Gone", Clock.GetUtcNow()));
            await context.SaveChangesAsync();
            (await CountFromAnotherConnectionAsync("outbox_messages")).ShouldBe(0);
            await transaction.RollbackAsync();
        }

        (await CountFromAnotherConnectionAsync("users")).ShouldBe(0);
        (await CountFromAnotherConnectionAsync("outbox_messages")).ShouldBe(0);

        context.ChangeTracker.Clear();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Users.Add(ApplicationUser.Register("kept@example.com", "Kept", Clock.GetUtcNow()));
            await context.SaveChangesAsync();
            (await CountFromAnotherConnectionAsync("outbox_messages")).ShouldBe(0);
            await transaction.CommitAsync();
        }

        (await CountFromAnotherConnectionAsync("users")).ShouldBe(1);
        (await ScalarAsync<string>("SELECT type FROM outbox_messages")).ShouldBe(typeof(UserRegisteredEvent).FullName);
        (await ScalarAsync<string>("SELECT payload->>'email' FROM outbox_messages")).ShouldBe("kept@example.com");
    }

    [Fact]
    public async Task Two_writers_of_the_same_aggregate_cannot_both_win()
    {
        var user = await CreateUserAsync();
        var sessionId = await ScalarAsync<Guid>("SELECT id FROM auth_sessions");
        await using var first = Factory.Services.CreateAsyncScope();
        await using var second = Factory.Services.CreateAsyncScope();
        var firstContext = first.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var secondContext = second.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var firstCopy = await firstContext.AuthSessions.SingleAsync(s => s.Id == sessionId);
        var secondCopy = await secondContext.AuthSessions.SingleAsync(s => s.Id == sessionId);

        firstCopy.Revoke(Clock.GetUtcNow(), "first");
        await firstContext.SaveChangesAsync(CancellationToken.None);
        secondCopy.Revoke(Clock.GetUtcNow(), "second");

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => secondContext.SaveChangesAsync(CancellationToken.None));
        (await ScalarAsync<string>("SELECT revoked_reason FROM auth_sessions")).ShouldBe("first");
        user.Email.ShouldNotBeNull();
    }

    [Fact]
    public async Task Two_dispatchers_never_lease_the_same_message_and_a_lease_ends()
    {
        for (var i = 0; i < 6; i++)
        {
            await Anonymous().PostAsJsonAsync("/api/auth/register", new { email = $"fan{i}@example.com", password = Password, displayName = "Fan" });
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var own = Factory.Services.CreateAsyncScope();
            return await own.ServiceProvider.GetRequiredService<IOutboxStore>().LeaseBatchAsync(2, TimeSpan.FromMinutes(1), CancellationToken.None);
        }));

        var leased = batches.SelectMany(b => b).Select(m => m.Id).ToList();
        leased.Count.ShouldBe(6);
        leased.Distinct().Count().ShouldBe(6);
        (await outbox.LeaseBatchAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromMinutes(2));
        var again = await outbox.LeaseBatchAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None);
        again.Count.ShouldBe(6);
        again.ShouldAllBe(m => m.Attempts == 2 && m.Event is UserRegisteredEvent);
    }

    [Fact]
    public async Task Tables_are_snake_case_with_time_ordered_ids_and_timestamptz()
    {
        await CreateUserAsync();

        (await ScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'refresh_tokens' AND column_name = 'expires_at'"))
            .ShouldBe("timestamp with time zone");
        var id = await ScalarAsync<Guid>("SELECT id FROM refresh_tokens");
        id.Version.ShouldBe(7);
    }

    private async Task<long> CountFromAnotherConnectionAsync(string table)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
