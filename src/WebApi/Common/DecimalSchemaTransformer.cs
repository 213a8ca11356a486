using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Money amounts are decimals (exact, in the currency's precision); the document says so instead of "double",
/// so client generators and readers do not take them for floating point.
/// </summary>
public sealed class DecimalSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(decimal))
        {
            schema.Format = "decimal";
        }

        return Task.CompletedTask;
    }
}
