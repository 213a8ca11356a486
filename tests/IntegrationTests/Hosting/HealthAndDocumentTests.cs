using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

public sealed class HealthAndDocumentTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string CommittedDocument = Path.Combine(RepositoryRoot(), "clients", "typescript", "openapi.json");

    [Fact]
    public async Task Liveness_and_readiness_report_healthy_with_the_database_checked()
    {
        (await Anonymous().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ready = await Anonymous().GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks")[0].GetProperty("name").GetString().ShouldBe("database");
    }

    [Fact]
    public async Task The_root_address_points_at_the_documentation_and_health_instead_of_404()
    {
        var response = await Anonymous().GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("docs").GetString().ShouldBe("/swagger");
        body.GetProperty("openApi").GetString().ShouldBe("/swagger/v1/swagger.json");
        body.GetProperty("health").GetString().ShouldBe("/health/ready");
        foreach (var link in new[] { "docs", "openApi", "health" })
        {
            (await Anonymous().GetAsync(body.GetProperty(link).GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_API_document_declares_the_bearer_scheme_and_stable_operation_ids()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;

        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        var me = document["paths"]!["/api/auth/me"]!["get"]!;
        me["operationId"]!.GetValue<string>().ShouldBe("GetCurrentUser");
        me["security"]!.AsArray().Count.ShouldBe(1);
        document["paths"]!["/api/auth/login"]!["post"]!["security"].ShouldBeNull();
        document["paths"]!["/dev/mailbox"].ShouldBeNull();

        var swaggerUi = await Anonymous().GetAsync("/swagger/index.html");
        swaggerUi.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await swaggerUi.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }

    /// <summary>
    /// The TypeScript client is generated from clients/typescript/openapi.json; this keeps that file equal to what
    /// the API serves. Run scripts/update-client.sh after changing an endpoint.
    /// </summary>
    [Fact]
    public async Task The_committed_API_document_matches_the_API()
    {
        var served = JsonNode.Parse(await Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var servedText = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_DOCUMENT") == "1")
        {
            await File.WriteAllTextAsync(CommittedDocument, servedText);
        }

        File.Exists(CommittedDocument).ShouldBeTrue($"{CommittedDocument} is missing: run scripts/update-client.sh");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedDocument))!;
        JsonNode.DeepEquals(served, committed).ShouldBeTrue(
            "clients/typescript/openapi.json is stale: run scripts/update-client.sh and commit the regenerated client.");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ticketing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ticketing.sln not found above the test binaries.");
    }
}
