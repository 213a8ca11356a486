using System.Net;
using System.Net.Http.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

public sealed class PasswordResetTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task A_reset_by_emailed_token_replaces_the_password_and_ends_every_session()
    {
        var user = await CreateUserAsync();
        var otherDevice = await LoginAsync(user.Email, Password);

        var token = await Factory.ObtainResetTokenAsync(user.Email);
        var reset = await Anonymous().ResetPasswordAsync(user.Email, token, NewPassword);

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent, await reset.Content.ReadAsStringAsync());
        await (await Login(user.Email, Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await Login(user.Email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await user.Client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await (await WithToken(otherDevice.AccessToken).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        var refresh = await Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = otherDevice.RefreshToken });
        await refresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
        (await ScalarAsync<long>("SELECT count(*) FROM auth_sessions WHERE revoked_reason = 'password reset'")).ShouldBe(2);
    }

    [Fact]
    public async Task The_token_is_long_url_safe_and_stored_only_as_a_keyed_hash()
    {
        var user = await CreateUserAsync();

        var token = await Factory.ObtainResetTokenAsync(user.Email);

        token.Length.ShouldBeGreaterThanOrEqualTo(22);
        token.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        Uri.EscapeDataString(token).ShouldBe(token);
        var stored = await ScalarAsync<string>("SELECT token_hash FROM password_reset_tokens");
        stored.ShouldNotContain(token);
        stored.Length.ShouldBe(64);
    }

    [Fact]
    public async Task A_token_expires_five_minutes_after_it_was_issued()
    {
        var user = await CreateUserAsync();
        var token = await Factory.ObtainResetTokenAsync(user.Email);

        Clock.Advance(TimeSpan.FromMinutes(5));
        var reset = await Anonymous().ResetPasswordAsync(user.Email, token, NewPassword);

        await reset.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "INVALID_RESET_TOKEN");
        (await Login(user.Email, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_still_works_just_before_five_minutes()
    {
        var user = await CreateUserAsync();
        var token = await Factory.ObtainResetTokenAsync(user.Email);

        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var reset = await Anonymous().ResetPasswordAsync(user.Email, token, NewPassword);

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_older_token_is_refused_once_a_newer_one_was_issued()
    {
        var user = await CreateUserAsync();
        var older = await Factory.ObtainResetTokenAsync(user.Email);
        var newer = await Factory.ObtainResetTokenAsync(user.Email);

        var withOlder = await Anonymous().ResetPasswordAsync(user.Email, older, NewPassword);
        var withNewer = await Anonymous().ResetPasswordAsync(user.Email, newer, NewPassword);

        await withOlder.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "INVALID_RESET_TOKEN");
        withNewer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_used_token_is_refused()
    {
        var user = await CreateUserAsync();
        var token = await Factory.ObtainResetTokenAsync(user.Email);
        (await Anonymous().ResetPasswordAsync(user.Email, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var again = await Anonymous().ResetPasswordAsync(user.Email, token, "yet another passphrase");

        await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "INVALID_RESET_TOKEN");
        (await Login(user.Email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Parallel_resets_with_one_token_succeed_once()
    {
        var user = await CreateUserAsync();
        var token = await Factory.ObtainResetTokenAsync(user.Email);

        var resets = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Anonymous().ResetPasswordAsync(user.Email, token, $"{NewPassword} {i}")));

        resets.Count(r => r.StatusCode == HttpStatusCode.NoContent).ShouldBe(1);
        resets.Where(r => r.StatusCode != HttpStatusCode.NoContent).ShouldAllBe(r => r.StatusCode == HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_token_resets_only_the_account_it_was_mailed_for()
    {
        var owner = await CreateUserAsync();
        var victim = await CreateUserAsync();
        var token = await Factory.ObtainResetTokenAsync(owner.Email);

        var reset = await Anonymous().ResetPasswordAsync(victim.Email, token, NewPassword);

        await reset.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "INVALID_RESET_TOKEN");
        (await Login(victim.Email, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var known = await CreateUserAsync();

        var forKnown = await Anonymous().ForgotPasswordAsync(known.Email);
        var forUnknown = await Anonymous().ForgotPasswordAsync("nobody@example.com");
        await Factory.DeliverMailAsync();

        forKnown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        forUnknown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await forUnknown.Content.ReadAsStringAsync()).ShouldBe(await forKnown.Content.ReadAsStringAsync());
        forUnknown.Content.Headers.ContentType.ShouldBe(forKnown.Content.Headers.ContentType);
        (await Anonymous().MailAsync(known.Email, AccountsApi.ResetSubject)).ShouldHaveSingleItem();
        (await Anonymous().MailAsync("nobody@example.com", AccountsApi.ResetSubject)).ShouldBeEmpty();
        (await ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_address_or_token_is_refused_like_an_expired_one()
    {
        var user = await CreateUserAsync();

        var unknownAddress = await Anonymous().ResetPasswordAsync("nobody@example.com", "c29tZS10b2tlbg", NewPassword);
        var unknownToken = await Anonymous().ResetPasswordAsync(user.Email, "c29tZS10b2tlbg", NewPassword);

        await unknownAddress.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "INVALID_RESET_TOKEN");
        await unknownToken.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "INVALID_RESET_TOKEN");
    }

    [Fact]
    public async Task A_reset_refuses_a_recent_password_and_the_token_stays_usable()
    {
        var user = await CreateUserAsync();
        var token = await Factory.ObtainResetTokenAsync(user.Email);

        var reused = await Anonymous().ResetPasswordAsync(user.Email, token, Password);

        await reused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "PASSWORD_REUSED");
        (await user.Client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Anonymous().ResetPasswordAsync(user.Email, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_reset_refuses_each_of_the_last_five_passwords()
    {
        var user = await CreateUserAsync();
        string[] passwords = [Password, "second passphrase", "third passphrase", "fourth passphrase", "fifth passphrase"];
        for (var i = 1; i < passwords.Length; i++)
        {
            var client = WithToken((await LoginAsync(user.Email, passwords[i - 1])).AccessToken);
            (await client.ChangePasswordAsync(passwords[i - 1], passwords[i])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var token = await Factory.ObtainResetTokenAsync(user.Email);
        foreach (var recent in passwords)
        {
            var reused = await Anonymous().ResetPasswordAsync(user.Email, token, recent);
            await reused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "PASSWORD_REUSED");
        }

        (await Anonymous().ResetPasswordAsync(user.Email, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_reset_ends_a_lockout()
    {
        var user = await CreateUserAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Login(user.Email, "wrong-password");
        }

        await (await Login(user.Email, Password)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "LOCKED_OUT");

        var token = await Factory.ObtainResetTokenAsync(user.Email);
        (await Anonymous().ResetPasswordAsync(user.Email, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Login(user.Email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync<int>("SELECT access_failed_count FROM users")).ShouldBe(0);
    }

    [Fact]
    public async Task A_customer_who_signed_up_with_a_code_can_set_a_first_password_by_reset()
    {
        var code = await Factory.ObtainCodeAsync("codes-only@example.com");
        (await Anonymous().VerifyOtpAsync("codes-only@example.com", code)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = await Factory.ObtainResetTokenAsync("codes-only@example.com");
        (await Anonymous().ResetPasswordAsync("codes-only@example.com", token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Login("codes-only@example.com", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> Login(string email, string password) =>
        Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
}
