using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>How the API writes JSON (camelCase, enums as strings), for reading its responses back into DTOs.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
