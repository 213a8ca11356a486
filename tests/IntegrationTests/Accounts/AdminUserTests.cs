using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Application.Accounts;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Accounts;

public sealed class AdminUserTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_customer_on_an_admin_route_is_403_FORBIDDEN_and_anonymous_is_401()
    {
        var customer = await CreateUserAsync();

        await (await customer.Client.GetAsync("/api/admin/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var create = await customer.Client.PostAsJsonAsync(
            "/api/admin/users", new { email = "x@example.com", password = Password, displayName = "X", role = "Admin" });
        await create.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'x@example.com'")).ShouldBe(0);

        await (await Anonymous().GetAsync("/api/admin/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task An_admin_opens_an_organizer_account_that_can_log_in_as_organizer()
    {
        var admin = await CreateUserAsync("Admin");

        var created = await admin.Client.PostAsJsonAsync(
            "/api/admin/users", new { email = "org@example.com", password = Password, displayName = "Org", role = "organizer" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var tokens = await LoginAsync("org@example.com", Password);
        var me = await WithToken(tokens.AccessToken).GetFromJsonAsync<UserDto>("/api/auth/me", ApiJson.Options);
        me!.Roles.ShouldBe(["Organizer"]);
    }

    [Fact]
    public async Task Removing_a_role_and_ending_the_users_sessions_commit_together_so_a_retry_still_ends_them()
    {
        var organizer = await CreateUserAsync("Organizer");
        var admin = await CreateUserAsync("Admin");
        await ScalarAsync<object>("""
            CREATE FUNCTION refuse_session_revoke() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_session_revoke BEFORE UPDATE ON auth_sessions FOR EACH ROW EXECUTE FUNCTION refuse_session_revoke();
            """);
        try
        {
            (await admin.Client.PutAsJsonAsync($"/api/admin/users/{organizer.Id}/roles", new { roles = new[] { "Customer" } }))
                .StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        }
        finally
        {
            await ScalarAsync<object>("DROP TRIGGER refuse_session_revoke ON auth_sessions; DROP FUNCTION refuse_session_revoke();");
        }

        var retry = await admin.Client.PutAsJsonAsync($"/api/admin/users/{organizer.Id}/roles", new { roles = new[] { "Customer" } });

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync<long>("SELECT count(*) FROM auth_sessions WHERE user_id = @id AND revoked_at IS NULL", ("id", organizer.Id)))
            .ShouldBe(0, "the organizer's sessions carry the removed role");
    }

    [Fact]
    public async Task Users_are_listed_in_pages_and_can_be_searched()
    {
        var admin = await CreateUserAsync("Admin", "admin@example.com");
        await CreateUserAsync(email: "ann@example.com");
        await CreateUserAsync(email: "bob@example.com");

        var page = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/users?page=2&pageSize=2");
        page.GetProperty("totalCount").GetInt32().ShouldBe(3);
        page.GetProperty("totalPages").GetInt32().ShouldBe(2);
        page.GetProperty("page").GetInt32().ShouldBe(2);
        page.GetProperty("items")[0].GetProperty("email").GetString().ShouldBe("bob@example.com");

        var search = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/users?search=ANN");
        search.GetProperty("items").GetArrayLength().ShouldBe(1);
        search.GetProperty("items")[0].GetProperty("roles")[0].GetString().ShouldBe("Customer");

        await (await admin.Client.GetAsync("/api/admin/users?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await admin.Client.GetAsync("/api/admin/users?page=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Roles_added_reach_the_user_with_the_next_token()
    {
        var admin = await CreateUserAsync("Admin");
        var user = await CreateUserAsync();
        var me = await user.Client.GetFromJsonAsync<UserDto>("/api/auth/me", ApiJson.Options);

        var response = await admin.Client.PutAsJsonAsync($"/api/admin/users/{me!.Id}/roles", new { roles = new[] { "Customer", "Staff", "organizer" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<UserDto>(ApiJson.Options))!.Roles.ShouldBe(["Customer", "Organizer", "Staff"]);
        var refreshed = await Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });
        var pair = (await refreshed.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!;
        (await WithToken(pair.AccessToken).GetFromJsonAsync<UserDto>("/api/auth/me", ApiJson.Options))!.Roles.ShouldBe(["Customer", "Organizer", "Staff"]);
    }

    [Fact]
    public async Task Taking_a_role_away_ends_the_user_s_sessions_at_once()
    {
        var admin = await CreateUserAsync("Admin");
        var user = await CreateUserAsync("Organizer");

        (await admin.Client.PutAsJsonAsync($"/api/admin/users/{user.Id}/roles", new { roles = new[] { "Customer" } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await user.Client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        (await Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = WithToken((await LoginAsync(user.Email, Password)).AccessToken);
        (await again.GetFromJsonAsync<UserDto>("/api/auth/me", ApiJson.Options))!.Roles.ShouldBe(["Customer"]);
    }

    [Fact]
    public async Task Role_changes_reject_unknown_roles_users_and_malformed_ids()
    {
        var admin = await CreateUserAsync("Admin");

        var unknownRole = await admin.Client.PutAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}/roles", new { roles = new[] { "Wizard" } });
        await unknownRole.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var unknownUser = await admin.Client.PutAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}/roles", new { roles = new[] { "Staff" } });
        await unknownUser.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        var malformed = await admin.Client.PutAsJsonAsync("/api/admin/users/not-a-guid/roles", new { roles = new[] { "Staff" } });
        await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    }
}
