using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Serilog.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Security;

public sealed class ScannerPathTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/.env")]
    [InlineData("/.ENV.local")]
    [InlineData("/.git/config")]
    [InlineData("/Secrets/keys.json")]
    [InlineData("/CONFIG/database.yml")]
    [InlineData("/wp-admin/install.php")]
    [InlineData("/WP-Login.php")]
    [InlineData("/.aws/credentials")]
    [InlineData("/server-status")]
    [InlineData("/.ssh/id_rsa")]
    [InlineData("/phpMyAdmin/")]
    [InlineData("/.DS_Store")]
    [InlineData("/backup.tar.gz")]
    public async Task A_scanner_path_is_refused_with_a_bare_403_and_recorded_with_path_and_source(string path)
    {
        var response = await Anonymous().GetAsync(path);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        problem.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "code", "requestId"], ignoreOrder: true);
        problem.GetRawText().ShouldNotContain(path.TrimStart('/').Split('/')[0], Case.Insensitive);
        var row = await DeniedRowAsync(path);
        row.Action.ShouldBe("request.denied.scanner");
        row.Status.ShouldBe(403);
        row.UserId.ShouldBeNull();
    }

    [Fact]
    public async Task The_audit_row_carries_the_address_the_probe_came_from()
    {
        // TestServer has no socket, so the test sets the connection's source address as Kestrel would.
        var context = await Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/.aws/credentials";
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        });

        context.Response.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
        context.Response.Headers["X-Request-Id"].ToString().ShouldNotBeEmpty();
        var row = await DeniedRowAsync("/.aws/credentials");
        row.IpAddress.ShouldBe("203.0.113.7");
        row.Action.ShouldBe("request.denied.scanner");
    }

    [Fact]
    public async Task A_scanner_path_is_refused_for_any_method_and_even_with_a_token_the_user_is_not_known_yet()
    {
        var admin = await CreateUserAsync("Admin");

        var posted = await admin.Client.PostAsJsonAsync("/.git/HEAD", new { anything = true });

        // The next refusal from the same source is summarised unless a window has passed (DeniedRequestSummaryTests).
        Clock.Advance(TimeSpan.FromMinutes(2));
        var deleted = await admin.Client.DeleteAsync("/backup");

        await posted.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await deleted.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var log = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit-log?kind=Denied&action=request.denied.scanner");
        var entries = log.GetProperty("items").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("path").GetString()).ShouldBe(["/backup", "/.git/HEAD"], ignoreOrder: true);
        entries.ShouldAllBe(e => e.GetProperty("userId").ValueKind == JsonValueKind.Null);
        entries.Select(e => e.GetProperty("details").GetString()).ShouldBe(["method: DELETE", "method: POST"], ignoreOrder: true);
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_refusal_stands_and_a_warning_is_logged()
    {
        var context = new Mock<IApplicationDbContext>();
        context.Setup(c => c.AuditEntries).Throws(new InvalidOperationException("database unavailable"));
        using var broken = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped(_ => context.Object)));

        var response = await broken.CreateClient().GetAsync("/.env");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        Factory.Logs.ForRequest(requestId).ShouldContain(e =>
            e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Could not write the audit row", StringComparison.Ordinal));
    }

    private async Task<DeniedRow> DeniedRowAsync(string path)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT action, status, user_id, ip_address FROM audit_log WHERE kind = 'Denied' AND path = @path", connection);
        command.Parameters.AddWithValue("path", path);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue($"no audit row for {path}");
        var row = new DeniedRow(
            reader.GetString(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetGuid(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
        (await reader.ReadAsync()).ShouldBeFalse($"more than one audit row for {path}");
        return row;
    }

    private sealed record DeniedRow(string Action, int Status, Guid? UserId, string? IpAddress);
}
