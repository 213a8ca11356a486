using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Accounts;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

public sealed class AccountFlowTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Register_then_login_then_me_returns_the_new_customer()
    {
        var client = Anonymous();

        var registered = await client.PostAsJsonAsync(
            "/api/auth/register", new { email = "Fan@Example.com", password = Password, displayName = "  Fan One " });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();

        var tokens = await LoginAsync("fan@example.com", Password);
        tokens.TokenType.ShouldBe("Bearer");
        tokens.ExpiresIn.ShouldBe(15 * 60);
        tokens.RefreshToken.ShouldNotBeNullOrWhiteSpace();

        var me = await WithToken(tokens.AccessToken).GetFromJsonAsync<UserDto>("/api/auth/me", ApiJson.Options);
        me.ShouldBe(new UserDto(userId, "Fan@Example.com", "Fan One", ["Customer"]), new UserDtoComparer());
    }

    [Fact]
    public async Task Registering_an_email_twice_is_409_DUPLICATE_EMAIL_whatever_its_case()
    {
        await Anonymous().PostAsJsonAsync("/api/auth/register", new { email = "twice@example.com", password = Password, displayName = "A" });

        var again = await Anonymous().PostAsJsonAsync(
            "/api/auth/register", new { email = "TWICE@example.com", password = Password, displayName = "B" });

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_EMAIL");
    }

    [Fact]
    public async Task Registering_with_bad_fields_names_each_field()
    {
        var response = await Anonymous().PostAsJsonAsync(
            "/api/auth/register", new { email = "not-an-email", password = "short", displayName = "   " });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("email", out _).ShouldBeTrue();
        errors.TryGetProperty("password", out _).ShouldBeTrue();
        errors.TryGetProperty("displayName", out _).ShouldBeTrue();
        (await ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
    }

    [Theory]
    [InlineData("known@example.com", "wrong-password")]
    [InlineData("unknown@example.com", Password)]
    public async Task Wrong_credentials_are_401_INVALID_CREDENTIALS(string email, string password)
    {
        await CreateUserAsync(email: "known@example.com");

        var response = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var user = await CreateUserAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-password" });
            await failed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        var fifth = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-password" });
        await fifth.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "LOCKED_OUT");

        var right = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password });
        await right.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "LOCKED_OUT");
    }

    [Fact]
    public async Task Me_without_a_token_or_with_a_forged_one_is_401()
    {
        var anonymous = await Anonymous().GetAsync("/api/auth/me");
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");

        var user = await CreateUserAsync();
        var parts = user.Tokens.AccessToken.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        var response = await WithToken(forged).GetAsync("/api/auth/me");
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task An_access_token_stops_working_when_it_expires_and_a_refresh_replaces_it()
    {
        var user = await CreateUserAsync();

        Clock.Advance(TimeSpan.FromMinutes(16));

        var expired = await user.Client.GetAsync("/api/auth/me");
        await expired.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        var refreshed = await Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pair = (await refreshed.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!;
        (await WithToken(pair.AccessToken).GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Registration_sends_a_welcome_email_through_the_outbox()
    {
        await Anonymous().PostAsJsonAsync("/api/auth/register", new { email = "welcome@example.com", password = Password, displayName = "New Fan" });
        (await ScalarAsync<long>("SELECT count(*) FROM dev_mailbox")).ShouldBe(0);

        (await SendAsync(new DispatchOutboxCommand())).ShouldBe(1);

        var mailbox = await Anonymous().GetFromJsonAsync<JsonElement>("/dev/mailbox?to=WELCOME@example.com");
        mailbox.GetArrayLength().ShouldBe(1);
        mailbox[0].GetProperty("subject").GetString().ShouldBe("Welcome to Ticketing");
        mailbox[0].GetProperty("body").GetString()!.ShouldContain("New Fan");
    }

    private sealed class UserDtoComparer : IEqualityComparer<UserDto>
    {
        public bool Equals(UserDto? x, UserDto? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Email == y.Email && x.DisplayName == y.DisplayName && x.Roles.SequenceEqual(y.Roles);

        public int GetHashCode(UserDto obj) => obj.Id.GetHashCode();
    }
}
