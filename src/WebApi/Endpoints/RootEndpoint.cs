namespace Ticketing.WebApi.Endpoints;

/// <summary>
/// <c>GET /</c>: whoever opens the bare address (a newcomer, a browser, a load balancer's probe) learns where the
/// documentation and health are instead of getting a 404. Not part of the API document: it is a signpost, not a
/// resource a client programs against.
/// </summary>
public static class RootEndpoint
{
    public const string SwaggerUi = "/swagger";
    public const string OpenApiDocument = "/swagger/v1/swagger.json";
    public const string Health = "/health/ready";

    public static void MapRootEndpoint(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Ok(new RootLinks("Ticketing API", SwaggerUi, OpenApiDocument, Health)))
            .ExcludeFromDescription();
    }

    public sealed record RootLinks(string Name, string Docs, string OpenApi, string Health);
}
