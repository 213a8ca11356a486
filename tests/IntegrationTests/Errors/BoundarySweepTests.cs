using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Errors;

/// <summary>
/// Every served operation, with every parameter and every place in its JSON body pushed to the edge of its type:
/// whatever the input, the answer is never a 5xx. Operations come from the served API document, plus the endpoints
/// the test host serves but leaves out of it (Development tools, health). Each operation runs as a fresh Admin
/// (who may reach all of them; fresh, so logout or a role change cannot spoil the others) and anonymously.
/// </summary>
public sealed class BoundarySweepTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>
    /// The one served route not swept, and why: the SignalR hub speaks its own protocol (negotiate, then a
    /// WebSocket) rather than request and response; the hub tests drive it.
    /// </summary>
    private const string HubPrefix = "/hubs/";

    // The payment webhook verifies its signature before it reads the body: its bodies are signed as the
    // simulated provider signs them, so the sweep reaches the parsing and not only the signature check.
    private static readonly JsonNode WebhookSchema = JsonNode.Parse("""
        {"type":"object","properties":{"event":{"type":"string","enum":["charge.success"]},"data":{"type":"object","properties":{
          "id":{"type":"integer"},"reference":{"type":"string"},"amount":{"type":"integer"},"currency":{"type":"string","enum":["USD"]},
          "status":{"type":"string","enum":["success"]}}}}}
        """)!;

    private readonly ConcurrentBag<string> _failures = [];

    private readonly SemaphoreSlim _parallel = new(4);

    private Dictionary<string, string> _ids = [];

    /// <summary>Bodies that pass validation, per schema: from them, one changed place reaches the handler's own rules.</summary>
    private Dictionary<string, JsonNode[]> _valid = [];

    [Fact]
    public async Task No_extreme_input_to_any_served_operation_answers_5xx()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var inputs = new BoundaryInputs(document);
        await SeedAsync();

        var operations = DescribedOperations(document).Concat(UndescribedOperations(document)).ToList();
        operations.Count.ShouldBeGreaterThan(50);
        foreach (var operation in operations)
        {
            // Admin reaches nearly everything; what only an organizer or a customer may call is swept as one.
            foreach (var role in new[] { "Admin", "Organizer", "Customer" })
            {
                var user = await CreateUserAsync(role);
                if (await SweepAsync(operation, inputs, user.Client, role) != HttpStatusCode.Forbidden)
                {
                    break;
                }
            }

            await SweepAsync(operation, inputs, Anonymous(), "anonymous");
        }

        _failures.ShouldBeEmpty($"{_failures.Count} inputs answered 5xx:\n{string.Join('\n', _failures.Order().Take(200))}");
    }

    private async Task SeedAsync()
    {
        var organizer = await CreateUserAsync("Organizer");
        var venue = await organizer.Client.CreateVenueAsync();
        var now = Clock.GetUtcNow();
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(now.AddDays(10), now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var target = await CreateUserAsync();
        _ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["events"] = created.Id.ToString(),
            ["venues"] = venue.Id.ToString(),
            ["users"] = target.Id.ToString(),
            ["payments"] = "simulated",
        };
        var startsAt = now.AddDays(20);
        var general = JsonSerializer.SerializeToNode(CatalogueApi.GeneralAdmission(startsAt, now.AddDays(1)), ApiJson.Options)!;
        var seated = JsonSerializer.SerializeToNode(CatalogueApi.Seated(venue.Id, startsAt, now.AddDays(1)), ApiJson.Options)!;
        _valid = new Dictionary<string, JsonNode[]>
        {
            ["CreateEventCommand"] = [general, seated],
            ["UpdateEventCommand"] = [general],
            ["CreateVenueCommand"] = [JsonNode.Parse("""
                {"name":"Hall","address":"1 Road","timeZone":"Europe/London",
                 "sections":[{"name":"Stalls","seatType":"Standard","rows":[{"label":"A","seats":10}]}]}
                """)!],
            ["SellAtBoxOfficeCommand"] = [JsonNode.Parse($$"""{"customerName":"Walk-in","ticketTypeId":"{{created.TicketTypes[0].Id}}","quantity":1}""")!],
            ["StartWalletTopUpCommand"] = [JsonNode.Parse("""{"amount":10.50,"currency":"USD"}""")!],
        };
    }

    /// <summary>Sends every probe of the operation; returns the status of the first, as documented.</summary>
    private async Task<HttpStatusCode> SweepAsync(Operation operation, BoundaryInputs inputs, HttpClient client, string who)
    {
        var baseline = operation.BodySchema is null ? null : inputs.Baseline(operation.BodySchema);
        var probes = new List<(string Input, string Path, string Query, string? Body)>
        {
            ("as documented", Path(operation, null, null), string.Empty, baseline?.ToJsonString()),
        };

        foreach (var name in operation.PathParameters)
        {
            probes.AddRange(BoundaryInputs.PathValues.Select(v => ($"path {name} = {Short(v)}", Path(operation, name, v), string.Empty, baseline?.ToJsonString())));
        }

        foreach (var (name, schema) in operation.QueryParameters)
        {
            probes.AddRange(inputs.QueryValues(schema).Select(v => ($"query {name} = {Short(v)}", Path(operation, null, null), $"?{name}={Uri.EscapeDataString(v)}", baseline?.ToJsonString())));
        }

        if (operation.QueryParameters.Count > 1)
        {
            var all = string.Join('&', operation.QueryParameters.Select(q => $"{q.Name}={int.MaxValue}"));
            probes.Add(($"every query parameter = {int.MaxValue}", Path(operation, null, null), $"?{all}", baseline?.ToJsonString()));
        }

        if (operation.BodySchema is not null)
        {
            var schemaName = ((string?)operation.BodySchema["$ref"])?.Split('/')[^1];
            JsonNode?[] starts = schemaName is not null && _valid.TryGetValue(schemaName, out var valid) ? [.. valid] : [null];
            foreach (var start in starts)
            {
                probes.AddRange(inputs.Variants(operation.BodySchema, start).Select(v => ($"body {v.Label}", Path(operation, null, null), string.Empty, (string?)(v.Body?.ToJsonString() ?? "null"))));
                probes.AddRange(inputs.CombinedExtremes(operation.BodySchema, start).Select(v => ($"body {v.Label}", Path(operation, null, null), string.Empty, (string?)v.Body.ToJsonString())));
            }

            probes.AddRange(new[] { string.Empty, "{", "[]", "\"x\"", "1e30" }.Select(raw => ($"body {Short(raw)} (raw)", Path(operation, null, null), string.Empty, (string?)raw)));
        }

        // An anonymous caller refused at the door never reaches parameters or body: one probe shows it.
        var first = await SendAsync(operation, client, probes[0]);
        Record(operation, who, probes[0].Input, first);
        if (first is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return first;
        }

        await Task.WhenAll(probes.Skip(1).Select(async probe =>
        {
            await _parallel.WaitAsync();
            try
            {
                Record(operation, who, probe.Input, await SendAsync(operation, client, probe));
            }
            finally
            {
                _parallel.Release();
            }
        }));
        return first;
    }

    private static async Task<HttpStatusCode> SendAsync(Operation operation, HttpClient client, (string Input, string Path, string Query, string? Body) probe)
    {
        using var request = new HttpRequestMessage(operation.Method, probe.Path + probe.Query);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (probe.Body is not null && operation.Method != HttpMethod.Get && operation.Method != HttpMethod.Delete)
        {
            var bytes = Encoding.UTF8.GetBytes(probe.Body);
            request.Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } };
            if (operation.SignBody)
            {
                request.Headers.Add("x-paystack-signature", Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(PaymentsApi.SimulatedSecret), bytes)));
            }
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private void Record(Operation operation, string who, string input, HttpStatusCode status)
    {
        if ((int)status >= 500)
        {
            _failures.Add($"{operation.Method} {operation.Template} as {who}: {input} → {(int)status}");
        }
    }

    /// <summary>The route with each parameter filled: a real id where the segment before it names a seeded resource.</summary>
    private string Path(Operation operation, string? swept, string? value)
    {
        var segments = operation.Template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is ['{', .., '}'])
            {
                var name = segments[i][1..^1].Split(':')[0];
                segments[i] = name == swept
                    ? Uri.EscapeDataString(value!)
                    : _ids.GetValueOrDefault(segments[i - 1], name == "reference" ? "x" : Guid.NewGuid().ToString());
            }
        }

        return string.Join('/', segments);
    }

    private static IEnumerable<Operation> DescribedOperations(JsonNode document)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject().Where(o => o.Key != "parameters"))
            {
                var parameters = op!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                var isWebhook = template.StartsWith("/api/webhooks/", StringComparison.Ordinal);
                var body = op["requestBody"]?["content"]?["application/json"]?["schema"];
                yield return new Operation(
                    new HttpMethod(method.ToUpperInvariant()),
                    template,
                    parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList(),
                    parameters.Where(p => (string?)p["in"] == "query").Select(p => ((string)p["name"]!, p["schema"])).ToList(),
                    isWebhook ? WebhookSchema : body,
                    isWebhook);
            }
        }
    }

    /// <summary>Routes the host serves that the document leaves out: their parameters come from the handler's signature.</summary>
    private IEnumerable<Operation> UndescribedOperations(JsonNode document)
    {
        var described = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (described.Contains(template) || template.StartsWith(HubPrefix, StringComparison.Ordinal) || template.StartsWith("/swagger", StringComparison.Ordinal))
            {
                continue;
            }

            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var query = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
                .Where(p => p.Name is not null && !routeNames.Contains(p.Name) && (p.ParameterType == typeof(string) || p.ParameterType.IsValueType) && p.ParameterType != typeof(CancellationToken))
                .Select(p => (p.Name!, (JsonNode?)JsonNode.Parse("""{"type":"string"}""")))
                .ToList() ?? [];
            foreach (var method in methods)
            {
                yield return new Operation(new HttpMethod(method), template, routeNames, query, null, false);
            }
        }
    }

    private static string Short(string value) => value.Length > 40 ? $"{value[..20]}… ({value.Length} chars)" : value;

    private sealed record Operation(
        HttpMethod Method, string Template, IReadOnlyList<string> PathParameters, IReadOnlyList<(string Name, JsonNode? Schema)> QueryParameters, JsonNode? BodySchema, bool SignBody);
}
