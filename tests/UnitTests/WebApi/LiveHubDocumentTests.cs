using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Live;
using Ticketing.WebApi.Live;

namespace Ticketing.UnitTests.WebApi;

/// <summary>
/// The hub's messages, machine-readable: docs/asyncapi.json is the AsyncAPI 3.0 document of what <c>/hubs/live</c>
/// pushes, generated from <see cref="LivePushCatalogue"/> and the payload types the hub sends. This keeps the committed
/// file equal to them; <c>UPDATE_ASYNCAPI_DOCUMENT=1 dotnet test tests/UnitTests</c> rewrites it.
/// </summary>
public sealed class LiveHubDocumentTests
{
    private static readonly string Committed = Path.Combine(Repository.Root, "docs", "asyncapi.json");

    // As PostgresLiveNotifier serialises the payloads on their way to every instance's hub.
    private static readonly JsonSerializerOptions Wire = LiveMessage.Wire;

    [Fact]
    public async Task The_committed_AsyncAPI_document_describes_every_push_the_hub_sends()
    {
        var generated = Document();
        var text = generated.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_ASYNCAPI_DOCUMENT") == "1")
        {
            await File.WriteAllTextAsync(Committed, text);
        }

        File.Exists(Committed).ShouldBeTrue($"{Committed} is missing: UPDATE_ASYNCAPI_DOCUMENT=1 dotnet test tests/UnitTests");
        JsonNode.DeepEquals(JsonNode.Parse(await File.ReadAllTextAsync(Committed)), generated).ShouldBeTrue(
            "docs/asyncapi.json is stale: run UPDATE_ASYNCAPI_DOCUMENT=1 dotnet test tests/UnitTests and commit it.");
    }

    [Fact]
    public void A_push_payload_is_described_with_the_names_it_has_on_the_wire()
    {
        var admitted = Document()["components"]!["messages"]!["admitted"]!["payload"]!["properties"]!.AsObject();

        admitted.Select(p => p.Key).ShouldBe(["eventId", "token", "expiresAt"]);
        JsonSerializer.SerializeToElement<object>(new AdmittedPush(Guid.Empty, "t", DateTimeOffset.UnixEpoch), Wire)
            .EnumerateObject().Select(p => p.Name).ShouldBe(["eventId", "token", "expiresAt"]);
    }

    private static JsonObject Document()
    {
        var messages = new JsonObject();
        var channelMessages = new JsonObject();
        var operations = new JsonObject();
        foreach (var push in LivePushCatalogue.All)
        {
            messages[push.Name] = new JsonObject
            {
                ["name"] = push.Name,
                ["summary"] = push.Audience,
                ["payload"] = Wire.GetJsonSchemaAsNode(push.Payload, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }),
            };
            channelMessages[push.Name] = new JsonObject { ["$ref"] = $"#/components/messages/{push.Name}" };
            operations[$"receive-{push.Name}"] = new JsonObject
            {
                ["action"] = "receive",
                ["channel"] = new JsonObject { ["$ref"] = "#/channels/live" },
                ["messages"] = new JsonArray(new JsonObject { ["$ref"] = $"#/channels/live/messages/{push.Name}" }),
            };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Ticketing live hub",
                ["version"] = "1",
                ["description"] = "SignalR (JSON protocol) at /hubs/live: connect with the access token as the access_token query parameter. "
                    + "The server invokes the client methods below; the client calls WatchQueue(eventId) for queuePosition and soldOut, "
                    + "WatchEvent(eventId) for counters. Pushes are best effort: polling the REST API gives the same state (docs/api.md, \"Real time\").",
            },
            ["channels"] = new JsonObject
            {
                ["live"] = new JsonObject { ["address"] = "/hubs/live", ["messages"] = channelMessages },
            },
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages },
        };
    }
}
