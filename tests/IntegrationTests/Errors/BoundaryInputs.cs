using System.Globalization;
using System.Text.Json.Nodes;

namespace Ticketing.IntegrationTests.Errors;

/// <summary>
/// Inputs at and past the edges of each OpenAPI type, and bodies built from a schema with one place at a time
/// replaced by such an input. Nothing here knows the API; it reads the schemas.
/// </summary>
internal sealed class BoundaryInputs(JsonNode document)
{
    private const int MaxDepth = 5;

    public static readonly string Huge = new('x', 5_000);

    public static IReadOnlyList<string> PathValues { get; } =
        ["not-a-uuid", "-1", "0", "2147483648", "00000000-0000-0000-0000-000000000000", Huge[..1_000], "1e30", "%"];

    public IReadOnlyList<string> QueryValues(JsonNode? schema)
    {
        schema = Resolve(schema);
        var common = new List<string> { string.Empty, Huge, "\u0000", "%00", "1e30" };
        return Kind(schema) switch
        {
            "integer" => [.. common, int.MaxValue.ToString(CultureInfo.InvariantCulture), int.MinValue.ToString(CultureInfo.InvariantCulture), "-1", "0", "21474838", "2147483648", "abc"],
            "number" => [.. common, "-1", "0", "1e400", "79228162514264337593543950336"],
            "boolean" => [.. common, "maybe"],
            _ when schema?["enum"] is not null => [.. common, "Nope", "999", "-1"],
            _ when (string?)schema?["format"] == "uuid" => [.. common, "not-a-uuid", "00000000-0000-0000-0000-000000000000"],
            _ when (string?)schema?["format"] == "date-time" => [.. common, "not-a-date", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "-1"],
            _ => [.. common, "-1", "0"],
        };
    }

    /// <summary>A plausible value of the schema: the body every variant starts from.</summary>
    public JsonNode? Baseline(JsonNode? schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema is null || depth > MaxDepth)
        {
            return null;
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]!.DeepClone();
        }

        return Kind(schema) switch
        {
            "object" => new JsonObject(Properties(schema).Select(p => KeyValuePair.Create(p.Name, Baseline(p.Schema, depth + 1)))),
            "array" => new JsonArray(Baseline(schema["items"], depth + 1)),
            "integer" => 1,
            "number" => 1,
            "boolean" => true,
            _ => (string?)schema["format"] switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => DateTimeOffset.UtcNow.AddDays(30).ToString("O"),
                _ => "x",
            },
        };
    }

    /// <summary>Every body that differs from the baseline in one place, each with a label naming the place and value.</summary>
    public IEnumerable<(string Label, JsonNode? Body)> Variants(JsonNode? schema, JsonNode? valid = null)
    {
        var baseline = valid ?? Baseline(schema);
        foreach (var (label, body) in VariantsAt(schema, "$", depth: 0))
        {
            yield return (label, body);
        }

        IEnumerable<(string, JsonNode?)> VariantsAt(JsonNode? at, string path, int depth)
        {
            at = Resolve(at);
            foreach (var value in Extremes(at))
            {
                yield return ($"{path} = {Describe(value)}", Replace(baseline, path, value));
            }

            if (depth > MaxDepth || at is null)
            {
                yield break;
            }

            if (Kind(at) == "object")
            {
                foreach (var (name, property) in Properties(at))
                {
                    foreach (var variant in VariantsAt(property, $"{path}.{name}", depth + 1))
                    {
                        yield return variant;
                    }
                }
            }
            else if (Kind(at) == "array")
            {
                foreach (var variant in VariantsAt(at["items"], $"{path}[0]", depth + 1))
                {
                    yield return variant;
                }
            }
        }
    }

    /// <summary>
    /// Bodies whose top-level date-time fields are all at one edge of the calendar at once, and each of those with
    /// one field left out: a rule that derives one time from another (doors from the start) overflows only so.
    /// </summary>
    public IEnumerable<(string Label, JsonNode Body)> CombinedExtremes(JsonNode? schema, JsonNode? valid = null)
    {
        var fields = Properties(Resolve(schema) ?? new JsonObject())
            .Where(p => (string?)Resolve(p.Schema)?["format"] == "date-time")
            .Select(p => p.Name)
            .ToList();
        if (fields.Count < 2)
        {
            yield break;
        }

        foreach (var edge in new[] { "0001-01-01T01:00:00Z", "9999-12-31T23:00:00Z" })
        {
            foreach (var left in fields.Select(f => (string?)f).Prepend(null))
            {
                var body = (valid ?? Baseline(schema))!.DeepClone().AsObject();
                foreach (var field in fields)
                {
                    body[field] = field == left ? null : edge;
                }

                yield return ($"every date-time = {edge}{(left is null ? string.Empty : $" but {left} = null")}", body);
            }
        }
    }

    private IEnumerable<JsonNode?> Extremes(JsonNode? schema)
    {
        // Wrong JSON types and null fit everywhere.
        yield return null;
        yield return new JsonObject();
        yield return new JsonArray();
        yield return true;
        switch (Kind(schema))
        {
            case "integer":
                foreach (var n in new[] { int.MaxValue, int.MinValue, -1L, 0L, 2147483648L, long.MaxValue })
                {
                    yield return n;
                }

                yield return JsonNode.Parse("1e30");
                yield return "1";
                break;
            case "number":
                foreach (var literal in new[] { "1e30", "-1e30", "92233720368547758.07", "9223372036854775807", "79228162514264337593543950335", "1e-30", "-1", "0", "0.001" })
                {
                    yield return JsonNode.Parse(literal);
                }

                yield return "1";
                break;
            case "array":
                yield return new JsonArray((JsonNode?)null);
                yield return new JsonArray(new JsonObject());
                yield return new JsonArray("x", 1);
                yield return new JsonArray(Enumerable.Range(0, 1_000).Select(_ => Baseline(schema!["items"])).ToArray());
                break;
            case "object":
                yield return "x";
                break;
            default:
                yield return string.Empty;
                yield return Huge;
                yield return "\u0000";
                yield return "not-a-uuid";
                yield return "0001-01-01T00:00:00Z";
                yield return "9999-12-31T23:59:59Z";
                yield return 1e30;
                break;
        }
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema is not null; i++)
        {
            if ((string?)schema["$ref"] is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
            }
            else if (schema["oneOf"] is JsonArray choices)
            {
                schema = choices.FirstOrDefault(c => (string?)c?["type"] != "null");
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static string? Kind(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private static IEnumerable<(string Name, JsonNode? Schema)> Properties(JsonNode schema) =>
        schema["properties"] is JsonObject properties ? properties.Select(p => (p.Key, p.Value)) : [];

    /// <summary>A copy of <paramref name="baseline"/> with the node at <paramref name="path"/> ("$.a[0].b") replaced.</summary>
    private static JsonNode? Replace(JsonNode? baseline, string path, JsonNode? value)
    {
        if (path == "$")
        {
            return value?.DeepClone();
        }

        var copy = baseline?.DeepClone();
        JsonNode? parent = copy;
        var steps = path[2..].Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < steps.Length; i++)
        {
            var last = i == steps.Length - 1;
            if (steps[i] == "[0]")
            {
                if (parent is not JsonArray array || array.Count == 0)
                {
                    return copy;
                }

                if (last)
                {
                    array[0] = value?.DeepClone();
                }
                else
                {
                    parent = array[0];
                }
            }
            else
            {
                if (parent is not JsonObject obj)
                {
                    return copy;
                }

                if (last)
                {
                    obj[steps[i]] = value?.DeepClone();
                }
                else
                {
                    parent = obj[steps[i]];
                }
            }
        }

        return copy;
    }

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? $"{text[..40]}… ({text.Length} chars)" : text;
    }
}
