using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;
using Ticketing.Domain.Wallets;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Identity;
using Ticketing.Infrastructure.Wallets;

namespace Ticketing.Bench;

public sealed record BenchUser(Guid Id, string Email, string Token);

/// <summary>
/// Opens the bench's accounts straight in the database, with a signed-in session and an access token each — the
/// state that registration and login leave behind, without their cost: a password hash (PBKDF2, 100,000 rounds) takes
/// tens of milliseconds of CPU, so 50,000 registrations and logins would take this 2-core machine most of an hour.
/// The rows are made by the product's own entities and signed by its own token service, so they cannot drift from
/// what the API expects. They are passwordless (like accounts opened by a sign-in code) and get the default wallet
/// that registration opens; no welcome email is queued.
/// </summary>
public sealed class BenchAccounts(BenchSettings settings)
{
    private const int Batch = 2_000;

    private readonly TokenService _tokens = new(Options.Create(settings.Jwt), TimeProvider.System);

    /// <summary>How long one password hash takes here: what the seeding saves, per registration and per login.</summary>
    public static TimeSpan MeasurePasswordHash()
    {
        var hasher = new PasswordHasher<object>();
        hasher.HashPassword(new object(), "warm-up the JIT");
        var started = Stopwatch.GetTimestamp();
        hasher.HashPassword(new object(), "Bench#Password1");
        return Stopwatch.GetElapsedTime(started);
    }

    public async Task<IReadOnlyList<BenchUser>> OpenAsync(string runId, string role, int count, CancellationToken cancellationToken)
    {
        var users = new List<BenchUser>(count);
        var roleId = await WithContextAsync(context => context.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken));
        for (var start = 0; start < count; start += Batch)
        {
            var size = Math.Min(Batch, count - start);
            users.AddRange(await WithContextAsync(context => OpenBatchAsync(context, runId, role, roleId, start, size, cancellationToken)));
        }

        return users;
    }

    private async Task<List<BenchUser>> OpenBatchAsync(
        ApplicationDbContext context, string runId, string role, Guid roleId, int start, int size, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var opened = new List<BenchUser>(size);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = start; i < start + size; i++)
        {
            var email = $"{role.ToLowerInvariant()}-{i + 1:D6}@{runId}.bench.invalid";
            var user = ApplicationUser.Register(email, $"Bench {role} {i + 1}", now);
            user.ClearDomainEvents();
            user.NormalizedEmail = user.NormalizedUserName = email.ToUpperInvariant();
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            user.LockoutEnabled = true;
            var session = AuthSession.Start(user.Id, now);
            context.Users.Add(user);
            context.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            context.AuthSessions.Add(session);
            if (role == Roles.Customer)
            {
                context.Wallets.Add(Wallet.Open(user.Id, TicketingApi.Currency, now));
            }

            var token = _tokens.CreateAccessToken(new UserSummary(user.Id, email, user.DisplayName, [role]), session.Id).Token;
            opened.Add(new BenchUser(user.Id, email, token));
        }

        await context.SaveChangesAsync(cancellationToken);
        return opened;
    }

    /// <summary>
    /// Wallet money before the sale, through the product's own ledger: a credit and its ledger row per wallet, as a
    /// top-up's webhook leaves them. Through the API the 5,000 top-ups of a default run take two of its ten minutes.
    /// </summary>
    public async Task FundAsync(string runId, IReadOnlyList<(BenchUser User, decimal Amount)> funding, CancellationToken cancellationToken)
    {
        foreach (var batch in funding.Chunk(Batch))
        {
            await WithContextAsync(async context =>
            {
                var ledger = new WalletLedger(context, TimeProvider.System);
                foreach (var (user, amount) in batch)
                {
                    var walletId = await ledger.WalletOfAsync(user.Id, TicketingApi.Currency, cancellationToken);
                    await ledger.CreditAsync(walletId, Money.FromMajor(amount, TicketingApi.Currency).Amount, "Top-up", $"bench-funding:{runId}:{user.Id}", cancellationToken);
                }

                return batch.Length;
            });
        }
    }

    private async Task<T> WithContextAsync<T>(Func<ApplicationDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseNpgsql(settings.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var context = new ApplicationDbContext(options);
        return await work(context);
    }
}
