using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Security;

public sealed class ApiKeyManagementTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task An_admin_issues_a_key_that_is_shown_once_and_stored_only_as_a_hash()
    {
        var admin = await CreateUserAsync("Admin");

        var response = await admin.Client.PostAsJsonAsync("/api/admin/api-keys", new { name = "  web shop  " });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var issued = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = issued.GetProperty("id").GetGuid();
        var key = issued.GetProperty("key").GetString()!;
        key.ShouldMatch("^tk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$");

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        (await ScalarAsync<string>("SELECT key_hash FROM api_keys WHERE id = @id", ("id", id))).ShouldBe(hash);
        (await ScalarAsync<string>("SELECT prefix FROM api_keys WHERE id = @id", ("id", id))).ShouldBe(key[..11]);
        (await ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE strpos(api_keys::text, @key) > 0", ("key", key))).ShouldBe(0);

        var listed = await admin.Client.GetStringAsync("/api/admin/api-keys");
        listed.ShouldNotContain(key);
        listed.ShouldNotContain(hash);
        var item = JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("id").GetGuid().ShouldBe(id);
        item.GetProperty("name").GetString().ShouldBe("web shop");
        item.GetProperty("prefix").GetString().ShouldBe(key[..11]);
        item.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        item.GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        item.GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        item.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "name", "prefix", "createdAt", "lastUsedAt", "revokedAt"], ignoreOrder: true);

        var audit = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit-log?action=api-key.issued");
        var entry = audit.GetProperty("items").EnumerateArray().Single();
        entry.GetProperty("userId").GetGuid().ShouldBe(admin.Id);
        entry.GetProperty("subject").GetString().ShouldBe(id.ToString());
        entry.GetProperty("details").GetString().ShouldBe($"name: web shop, prefix: {key[..11]}");
    }

    [Fact]
    public async Task An_admin_revokes_a_key_once_and_an_unknown_key_is_not_found()
    {
        var admin = await CreateUserAsync("Admin");
        var issued = await admin.Client.IssueApiKeyAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var other = await admin.Client.IssueApiKeyAsync("mobile app");

        var revoked = await admin.Client.DeleteAsync($"/api/admin/api-keys/{issued.Id}");

        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var items = (await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/api-keys")).GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("name").GetString()).ShouldBe(["mobile app", "web shop"]);
        items[1].GetProperty("revokedAt").GetDateTimeOffset().ShouldBe(Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        items[0].GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await admin.Client.DeleteAsync($"/api/admin/api-keys/{issued.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        await (await admin.Client.DeleteAsync($"/api/admin/api-keys/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var audit = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit-log?action=api-key.revoked");
        audit.GetProperty("items").EnumerateArray().Single().GetProperty("subject").GetString().ShouldBe(issued.Id.ToString());
        (await ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL AND id = @id", ("id", other.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        var admin = await CreateUserAsync("Admin");
        var issued = await admin.Client.IssueApiKeyAsync();
        var customer = await CreateUserAsync();
        var organizer = await CreateUserAsync("Organizer");

        await (await customer.Client.PostAsJsonAsync("/api/admin/api-keys", new { name = "mine" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await customer.Client.GetAsync("/api/admin/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await organizer.Client.DeleteAsync($"/api/admin/api-keys/{issued.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Anonymous().GetAsync("/api/admin/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        (await ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL")).ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_key_needs_a_name(string name)
    {
        var admin = await CreateUserAsync("Admin");

        var response = await admin.Client.PostAsJsonAsync("/api/admin/api-keys", new { name });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        problem.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task With_the_gate_off_business_endpoints_need_no_key()
    {
        var customer = await CreateUserAsync();

        (await Anonymous().GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.Client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'request.denied.api-key'")).ShouldBe(0);
    }
}
