using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Declares the <c>X-Api-Key</c> scheme in the OpenAPI document so client authors see it exists. Operations require
/// it only where this deployment's gate is on, so the document (and Swagger UI's "Authorize") tells the truth about
/// the server that serves it; the committed document describes the default, gate off.
/// </summary>
public sealed class ApiKeySecuritySchemeTransformer(IOptions<SecurityOptions> options, IHostEnvironment environment)
    : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyGateMiddleware.HeaderName,
            Description = "A client application's key, issued by an Admin (POST /api/admin/api-keys). Required on business endpoints when the deployment sets Security:RequireApiKey.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = new PathString("/" + context.Description.RelativePath);
        if (!options.Value.RequireApiKey || ApiKeyGateMiddleware.IsExempt(path, environment.IsDevelopment()))
        {
            return Task.CompletedTask;
        }

        // The key comes on top of the bearer token, not instead of it: added to each existing requirement (AND),
        // or as the only one for anonymous operations.
        var apiKey = new OpenApiSecuritySchemeReference(SchemeName, context.Document);
        if (operation.Security is { Count: > 0 } requirements)
        {
            foreach (var requirement in requirements)
            {
                requirement[apiKey] = [];
            }
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [apiKey] = [] }];
        }

        return Task.CompletedTask;
    }
}
