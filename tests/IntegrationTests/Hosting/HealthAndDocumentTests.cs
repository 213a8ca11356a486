using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

public sealed class HealthAndDocumentTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string CommittedDocument = Path.Combine(RepositoryRoot(), "clients", "typescript", "openapi.json");

    [Fact]
    public async Task Liveness_and_readiness_report_healthy_with_the_database_the_worker_and_the_outbox_checked()
    {
        await WorkerCheckedInAsync(Clock.GetUtcNow().AddSeconds(-5));

        (await Anonymous().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ready = await Anonymous().GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["database", "worker", "outbox"]);
    }

    [Fact]
    public async Task A_silent_worker_and_a_lagging_outbox_degrade_readiness_without_taking_the_instance_out()
    {
        await WorkerCheckedInAsync(Clock.GetUtcNow().AddMinutes(-3));
        await ScalarAsync<int>(
            """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            VALUES (gen_random_uuid(), 'Ticketing.Domain.Accounts.UserRegisteredEvent', '{}', @due, @due, 0) RETURNING 1
            """,
            ("due", Clock.GetUtcNow().AddMinutes(-2)));

        var ready = await Anonymous().GetAsync("/health/ready");

        // Still 200: a load balancer keeps sending requests, and a monitor sees why it is degraded.
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("Degraded");
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        checks["database"].GetProperty("status").GetString().ShouldBe("Healthy");
        checks["worker"].GetProperty("status").GetString().ShouldBe("Degraded");
        checks["worker"].GetProperty("data").GetProperty("secondsSinceCheckIn").GetDouble().ShouldBe(180);
        checks["outbox"].GetProperty("status").GetString().ShouldBe("Degraded");
        checks["outbox"].GetProperty("data").GetProperty("lagSeconds").GetDouble().ShouldBe(120);
    }

    /// <summary>What the Worker's clustered Quartz scheduler writes every 10 s (UTC ticks); the only Worker there is.</summary>
    private Task<int> WorkerCheckedInAsync(DateTimeOffset at) =>
        ScalarAsync<int>(
            """
            WITH others AS (DELETE FROM quartz.qrtz_scheduler_state WHERE instance_name <> 'test-worker')
            INSERT INTO quartz.qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)
            VALUES ('test', 'test-worker', @ticks, 10000)
            ON CONFLICT (sched_name, instance_name) DO UPDATE SET last_checkin_time = excluded.last_checkin_time
            RETURNING 1
            """,
            ("ticks", at.UtcTicks));

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

    [Fact]
    public async Task The_API_document_describes_what_is_served_so_strict_validators_accept_the_answers()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!;

        // A nullable enum is null-or-the-enum; the enum itself lists only its members, so a null matches one branch.
        schemas["SeatType"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()).ShouldBe(["Standard", "Deluxe"]);
        // Every property of an answer is always sent, and nothing else.
        var ticketType = schemas["TicketTypeDto"]!;
        ticketType["required"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(
            ticketType["properties"]!.AsObject().Select(p => p.Key), ignoreOrder: true);
        ticketType["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        // Optional inputs are not required.
        schemas["SeatPricesInput"]!["required"].ShouldBeNull();
        // Every problem has its stable code and the request id.
        schemas["ProblemDetails"]!["required"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["status", "code", "requestId"], ignoreOrder: true);

        // A reader finds what each call does, in the order a buyer meets them.
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).ShouldAllBe(o => !string.IsNullOrWhiteSpace((string?)o.Value!["summary"]));
        document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Take(3).ShouldBe(["Auth", "Events", "Queue"]);

        var pay = document["paths"]!["/api/claims/{id}/payments"]!["post"]!;
        var key = pay["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        key["in"]!.GetValue<string>().ShouldBe("header");
        key["required"]!.GetValue<bool>().ShouldBeTrue();
        new[] { "400", "413", "415", "429" }.ShouldBeSubsetOf(pay["responses"]!.AsObject().Select(r => r.Key));
        // The QR code is the PNG's bytes, which a generated client hands over as a file (a Blob).
        var qr = document["paths"]!["/api/tickets/{id}/qr"]!["get"]!["responses"]!["200"]!["content"]!["image/png"]!["schema"]!;
        schemas[qr["$ref"]!.GetValue<string>().Split('/')[^1]]!["format"]!.GetValue<string>().ShouldBe("binary");
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
