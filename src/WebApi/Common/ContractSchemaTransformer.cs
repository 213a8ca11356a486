using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Makes the schemas say exactly what is served, for strict validators and generated clients (issue 18):
/// <list type="bullet">
/// <item>An enum's values are its members only. The framework adds <c>null</c> to an enum used anywhere as nullable,
/// and the nullable use already reads <c>oneOf: [null, $ref]</c>: a null then matched both branches and every strict
/// validator refused the answer.</item>
/// <item>Every property of a response (<c>…Dto</c>, and the paginated lists of them) is required: the serializer
/// always writes each one, null where it has no value, so a client may rely on it being there; and none other is
/// sent, so a typo in a client (<c>claim.totl</c>) does not compile.</item>
/// <item>Every other object with properties (an input) is closed: the server refuses a property it does not take.</item>
/// <item>Problem details carry <c>code</c> and <c>requestId</c>, always (<see cref="ProblemDetailsDefaults"/>).</item>
/// </list>
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Enum = values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
        }
        else if (IsResponse(type) && schema.Properties is { Count: > 0 } properties)
        {
            schema.Required = new HashSet<string>(properties.Keys);
            schema.AdditionalPropertiesAllowed = false;
        }
        else if (!typeof(ProblemDetails).IsAssignableFrom(type) && schema.Properties is { Count: > 0 })
        {
            // An input: the serializer refuses a property no member takes (ADR 25), so the document does too.
            schema.AdditionalPropertiesAllowed = false;
        }
        else if (typeof(ProblemDetails).IsAssignableFrom(type))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable and machine-readable: switch on it (docs/api.md, \"Errors\")." };
            schema.Properties["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem: it names this request in the logs." };
            schema.Required = new HashSet<string>(["status", "code", "requestId"]);
        }

        return Task.CompletedTask;
    }

    private static bool IsResponse(Type type) =>
        type.Name.EndsWith("Dto", StringComparison.Ordinal)
        || (type.IsGenericType && type.GetGenericArguments().Any(a => a.Name.EndsWith("Dto", StringComparison.Ordinal)));
}
