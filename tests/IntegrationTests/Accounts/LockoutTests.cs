using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Infrastructure.Identity;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

public sealed class LockoutTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const int Attempts = 20;

    [Fact]
    public async Task Parallel_wrong_passwords_lock_the_account_as_sequential_ones_do()
    {
        var user = await CreateUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(_ =>
            Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-password" })));

        // Five failures lock the account (the fifth already answers LOCKED_OUT); every later attempt meets the lock.
        var codes = await Task.WhenAll(responses.Select(async r => (r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
        codes.Count(c => c.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(4, string.Join("\n", codes));
        codes.Count(c => c.StatusCode == HttpStatusCode.Forbidden && c.Body.Contains("LOCKED_OUT")).ShouldBe(Attempts - 4);
        (await ScalarAsync<bool>("SELECT lockout_end IS NOT NULL FROM users WHERE email = @email", ("email", user.Email))).ShouldBeTrue();

        var right = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password });
        await right.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "LOCKED_OUT");
    }

    [Fact]
    public async Task A_locked_account_costs_the_same_password_hashing_as_an_open_one()
    {
        var hasher = new CountingPasswordHasher();
        await using var api = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)));
        var user = await CreateUserAsync();

        async Task<int> HashingFor(string email, string password, HttpStatusCode expected)
        {
            var before = hasher.Operations;
            var response = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
            response.StatusCode.ShouldBe(expected);
            return hasher.Operations - before;
        }

        var open = await HashingFor(user.Email, "wrong-password", HttpStatusCode.Unauthorized);
        var unknown = await HashingFor("nobody-here@example.com", "wrong-password", HttpStatusCode.Unauthorized);
        for (var i = 0; i < 4; i++)
        {
            await HashingFor(user.Email, "wrong-password", i < 3 ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
        }

        var lockedWrong = await HashingFor(user.Email, "wrong-password", HttpStatusCode.Forbidden);
        var lockedRight = await HashingFor(user.Email, Password, HttpStatusCode.Forbidden);

        open.ShouldBe(1);
        unknown.ShouldBe(open);
        lockedWrong.ShouldBe(open, "a locked account answers without revealing, by the work it skips, that it is locked");
        lockedRight.ShouldBe(open);
    }

    /// <summary>The real hasher, counting each hash it computes or verifies.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        private int _operations;

        public int Operations => Volatile.Read(ref _operations);

        public string HashPassword(ApplicationUser user, string password)
        {
            Interlocked.Increment(ref _operations);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _operations);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
