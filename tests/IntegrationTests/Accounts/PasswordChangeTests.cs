using System.Net;
using System.Net.Http.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

public sealed class PasswordChangeTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_change_replaces_the_password_keeps_this_session_and_ends_the_others()
    {
        var user = await CreateUserAsync();
        var otherDevice = await LoginAsync(user.Email, Password);

        var changed = await user.Client.ChangePasswordAsync(Password, "a brand new passphrase");

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        await (await Login(user.Email, Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await Login(user.Email, "a brand new passphrase")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await WithToken(otherDevice.AccessToken).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_wrong_current_password_is_401_INVALID_CREDENTIALS_and_changes_nothing()
    {
        var user = await CreateUserAsync();

        var response = await user.Client.ChangePasswordAsync("not-my-password", "a brand new passphrase");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await ScalarAsync<int>("SELECT access_failed_count FROM users")).ShouldBe(1);
        (await Login(user.Email, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_lockout()
    {
        var user = await CreateUserAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await user.Client.ChangePasswordAsync("not-my-password", "a brand new passphrase"))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        var fifth = await user.Client.ChangePasswordAsync("not-my-password", "a brand new passphrase");

        await fifth.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "LOCKED_OUT");
        await (await Login(user.Email, Password)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "LOCKED_OUT");
    }

    [Fact]
    public async Task The_last_five_passwords_are_refused_and_the_sixth_oldest_is_accepted()
    {
        var user = await CreateUserAsync();
        string[] passwords = [Password, "second passphrase", "third passphrase", "fourth passphrase", "fifth passphrase", "sixth passphrase"];
        for (var i = 1; i < passwords.Length; i++)
        {
            (await user.Client.ChangePasswordAsync(passwords[i - 1], passwords[i])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var current = passwords[^1];
        foreach (var recent in passwords[1..])
        {
            var reused = await user.Client.ChangePasswordAsync(current, recent);
            await reused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "PASSWORD_REUSED");
        }

        (await ScalarAsync<long>("SELECT count(*) FROM password_history WHERE user_id = @id", ("id", user.Id))).ShouldBe(5);
        (await user.Client.ChangePasswordAsync(current, passwords[0])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Login(user.Email, passwords[0])).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_password_is_checked_like_one_at_registration()
    {
        var user = await CreateUserAsync();

        var response = await user.Client.ChangePasswordAsync(Password, "short");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        problem.GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Changing_a_password_needs_a_signed_in_user()
    {
        var response = await Anonymous().ChangePasswordAsync(Password, "a brand new passphrase");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    private Task<HttpResponseMessage> Login(string email, string password) =>
        Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
}
