namespace Ticketing.WebApi.Common;

/// <summary>
/// One feature's endpoints under a common prefix. Groups are found by reflection (<see cref="EndpointGroupExtensions.MapEndpointGroups"/>);
/// handlers are named methods, so operation ids — and the TypeScript client's method names — stay stable.
/// </summary>
public abstract class EndpointGroup
{
    public abstract string Prefix { get; }

    /// <summary>The OpenAPI tag, which NSwag turns into the client class name.</summary>
    public virtual string Tag => GetType().Name;

    public abstract void Map(RouteGroupBuilder group);
}
