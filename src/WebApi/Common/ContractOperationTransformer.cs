using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Puts in each operation what the pipeline around the endpoint adds, so the document lists every status a client
/// can get (issue 18): 429 from the global limiter on every operation; 400 for a path or query value that does not
/// parse; 413 and 415 for a body too large or not JSON; and the <c>Idempotency-Key</c> header where
/// <see cref="IdempotencyFilter"/> requires it, so Swagger UI's "Try it out" and the generated client send one.
/// </summary>
public sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        Add(operation, context, StatusCodes.Status429TooManyRequests, "Too Many Requests");
        if (operation.Parameters is { Count: > 0 })
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "Bad Request");
        }

        if (operation.RequestBody is not null)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "Bad Request");
            Add(operation, context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large");
            Add(operation, context, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type");
        }

        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyRequired>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName,
                In = ParameterLocation.Header,
                Required = true,
                Description = "Unique per payment attempt (1–255 characters): a retry with the same key and body gets the first answer again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            });
            Add(operation, context, StatusCodes.Status400BadRequest, "Bad Request");
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }
}
