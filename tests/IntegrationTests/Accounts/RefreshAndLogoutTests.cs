using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.Accounts;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

public sealed class RefreshAndLogoutTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_refresh_token_works_once_and_its_successor_works_next()
    {
        var user = await CreateUserAsync();

        var first = await RefreshAsync(user.Tokens.RefreshToken);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await first.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!;
        second.RefreshToken.ShouldNotBe(user.Tokens.RefreshToken);
        second.AccessToken.ShouldNotBe(user.Tokens.AccessToken);

        var next = await RefreshAsync(second.RefreshToken);
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_whole_family()
    {
        var user = await CreateUserAsync();
        var rotated = (await (await RefreshAsync(user.Tokens.RefreshToken)).Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!;

        // Somebody replays the spent token: whoever holds either copy is cut off.
        var replay = await RefreshAsync(user.Tokens.RefreshToken);
        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");

        var successor = await RefreshAsync(rotated.RefreshToken);
        await successor.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
        var access = await WithToken(rotated.AccessToken).GetAsync("/api/auth/me");
        await access.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        (await ScalarAsync<string>("SELECT revoked_reason FROM auth_sessions")).ShouldBe("refresh token reused");
    }

    [Fact]
    public async Task Parallel_refreshes_with_one_token_are_a_reuse_that_ends_the_session()
    {
        var user = await CreateUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(user.Tokens.RefreshToken)));

        // One refresh spends the token; every other one presents a spent token, which is a reuse like any other.
        var winner = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ShouldHaveSingleItem();
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await loser.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
        }

        (await ScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE used_at IS NOT NULL")).ShouldBe(1);
        (await ScalarAsync<string>("SELECT revoked_reason FROM auth_sessions")).ShouldBe("refresh token reused");
        var issued = (await winner.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!;
        await (await RefreshAsync(issued.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
        await (await WithToken(issued.AccessToken).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Logout_ends_the_access_token_in_use_and_its_refresh_token()
    {
        var user = await CreateUserAsync();
        var otherDevice = await LoginAsync(user.Email, Password);

        var logout = await user.Client.PostAsync("/api/auth/logout", null);
        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await user.Client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await (await RefreshAsync(user.Tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");

        // Only this session ended: the same account on another device stays signed in.
        (await WithToken(otherDevice.AccessToken).GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_or_empty_refresh_token_is_refused()
    {
        await (await RefreshAsync("not-a-token")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
        await (await RefreshAsync(string.Empty)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task An_expired_refresh_token_is_refused()
    {
        var user = await CreateUserAsync();

        Clock.Advance(TimeSpan.FromDays(15));

        await (await RefreshAsync(user.Tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
}
