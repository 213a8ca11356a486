using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Accounts;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

public sealed class OtpLoginTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_code_from_the_email_signs_the_customer_in()
    {
        var customer = await CreateUserAsync();

        var code = await Factory.ObtainCodeAsync(customer.Email);
        var verified = await Anonymous().VerifyOtpAsync(customer.Email.ToUpperInvariant(), code);

        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        var pair = (await verified.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!;
        var me = await WithToken(pair.AccessToken).GetFromJsonAsync<UserDto>("/api/auth/me", ApiJson.Options);
        me!.Id.ShouldBe(customer.Id);
        (await Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_code_is_401_INVALID_OTP()
    {
        var customer = await CreateUserAsync();
        var code = await Factory.ObtainCodeAsync(customer.Email);

        var response = await Anonymous().VerifyOtpAsync(customer.Email, AccountsApi.WrongCode(code));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
    }

    [Fact]
    public async Task A_code_works_only_once()
    {
        var customer = await CreateUserAsync();
        var code = await Factory.ObtainCodeAsync(customer.Email);
        (await Anonymous().VerifyOtpAsync(customer.Email, code)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await Anonymous().VerifyOtpAsync(customer.Email, code);

        await again.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
    }

    [Fact]
    public async Task A_code_expires_ten_minutes_after_it_was_issued()
    {
        var customer = await CreateUserAsync();
        var code = await Factory.ObtainCodeAsync(customer.Email);

        Clock.Advance(TimeSpan.FromMinutes(10));
        var response = await Anonymous().VerifyOtpAsync(customer.Email, code);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
    }

    [Fact]
    public async Task A_code_still_works_just_before_ten_minutes()
    {
        var customer = await CreateUserAsync();
        var code = await Factory.ObtainCodeAsync(customer.Email);

        Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var response = await Anonymous().VerifyOtpAsync(customer.Email, code);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_wrong_guesses_kill_the_code_even_for_the_right_one_after_them()
    {
        var customer = await CreateUserAsync();
        var code = await Factory.ObtainCodeAsync(customer.Email);
        for (var guess = 1; guess <= 5; guess++)
        {
            var wrong = await Anonymous().VerifyOtpAsync(customer.Email, AccountsApi.WrongCode(code));
            await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
        }

        var right = await Anonymous().VerifyOtpAsync(customer.Email, code);

        await right.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
        (await ScalarAsync<int>("SELECT attempts FROM one_time_codes")).ShouldBe(5);
        (await ScalarAsync<long>("SELECT count(*) FROM auth_sessions WHERE user_id = @id", ("id", customer.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_wrong_guesses_are_counted_one_by_one_and_never_beyond_five()
    {
        var customer = await CreateUserAsync();
        var code = await Factory.ObtainCodeAsync(customer.Email);

        var guesses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Anonymous().VerifyOtpAsync(customer.Email, AccountsApi.WrongCode(code))));

        foreach (var guess in guesses)
        {
            await guess.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
        }

        (await ScalarAsync<int>("SELECT attempts FROM one_time_codes")).ShouldBe(5);
        var right = await Anonymous().VerifyOtpAsync(customer.Email, code);
        await right.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
    }

    [Fact]
    public async Task Only_the_newest_code_works()
    {
        var customer = await CreateUserAsync();
        var first = await Factory.ObtainCodeAsync(customer.Email);
        string second;
        do
        {
            // One draw in a million repeats the previous code; that one would prove nothing here.
            second = await Factory.ObtainCodeAsync(customer.Email);
        }
        while (second == first);

        var older = await Anonymous().VerifyOtpAsync(customer.Email, first);
        var newer = await Anonymous().VerifyOtpAsync(customer.Email, second);

        await older.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
        newer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync<int>("SELECT attempts FROM one_time_codes WHERE superseded_at IS NOT NULL LIMIT 1")).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_address_gets_a_new_customer_account_and_the_same_answer_as_a_known_one()
    {
        var known = await CreateUserAsync();

        var forKnown = await Anonymous().RequestOtpAsync(known.Email);
        var forUnknown = await Anonymous().RequestOtpAsync("New.Fan@example.com");

        forKnown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        forUnknown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await forUnknown.Content.ReadAsStringAsync()).ShouldBe(await forKnown.Content.ReadAsStringAsync());
        forUnknown.Content.Headers.ContentType.ShouldBe(forKnown.Content.Headers.ContentType);

        var userId = await ScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = 'NEW.FAN@EXAMPLE.COM'");
        (await ScalarAsync<string>(
            "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = @id", ("id", userId))).ShouldBe("Customer");
        (await ScalarAsync<long>("SELECT count(*) FROM wallets WHERE customer_id = @id", ("id", userId))).ShouldBe(1);
        (await ScalarAsync<bool>("SELECT password_hash IS NULL FROM users WHERE id = @id", ("id", userId))).ShouldBeTrue();

        await Factory.DeliverMailAsync();
        var code = await Factory.ObtainCodeAsync("new.fan@example.com");
        var verified = await Anonymous().VerifyOtpAsync("new.fan@example.com", code);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await WithToken((await verified.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!.AccessToken)
            .GetFromJsonAsync<UserDto>("/api/auth/me", ApiJson.Options);
        me!.Id.ShouldBe(userId);
        me.Roles.ShouldBe(["Customer"]);
        me.DisplayName.ShouldBe("New.Fan");
    }

    [Fact]
    public async Task Parallel_requests_for_a_new_address_open_one_account()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Anonymous().RequestOtpAsync("rush@example.com")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted);
        (await ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
        (await ScalarAsync<long>("SELECT count(*) FROM one_time_codes WHERE used_at IS NULL AND superseded_at IS NULL")).ShouldBe(1);
    }

    [Fact]
    public async Task The_code_is_stored_only_as_a_keyed_hash()
    {
        var customer = await CreateUserAsync();

        var code = await Factory.ObtainCodeAsync(customer.Email);

        var stored = await ScalarAsync<string>("SELECT code_hash FROM one_time_codes");
        stored.Length.ShouldBe(64);
        stored.ShouldNotContain(code);
        stored.ShouldNotBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code))));
    }

    [Fact]
    public async Task A_locked_out_account_cannot_sign_in_with_a_code_either()
    {
        var customer = await CreateUserAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Anonymous().PostAsJsonAsync("/api/auth/login", new { email = customer.Email, password = "wrong-password" });
        }

        var code = await Factory.ObtainCodeAsync(customer.Email);
        var response = await Anonymous().VerifyOtpAsync(customer.Email, code);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "LOCKED_OUT");
    }

    [Fact]
    public async Task Accounts_with_more_than_the_customer_role_get_no_code_and_sign_in_with_their_password()
    {
        var organizer = await CreateUserAsync("Organizer");

        var response = await Anonymous().RequestOtpAsync(organizer.Email);
        await Factory.DeliverMailAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Anonymous().MailAsync(organizer.Email, AccountsApi.CodeSubject)).ShouldBeEmpty();
        (await ScalarAsync<long>("SELECT count(*) FROM one_time_codes")).ShouldBe(0);
        await (await Anonymous().VerifyOtpAsync(organizer.Email, "123456")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
    }

    [Fact]
    public async Task A_code_for_an_unknown_address_is_refused_like_a_wrong_one()
    {
        var response = await Anonymous().VerifyOtpAsync("nobody@example.com", "123456");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_OTP");
    }
}
