using System.Reflection;

namespace Ticketing.WebApi.Common;

public static class EndpointGroupExtensions
{
    public static WebApplication MapEndpointGroups(this WebApplication app)
    {
        var groups = typeof(EndpointGroup).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(EndpointGroup)) && !t.IsAbstract)
            .Select(t => (EndpointGroup)Activator.CreateInstance(t)!);
        foreach (var group in groups)
        {
            group.Map(app.MapGroup(group.Prefix).WithTags(group.Tag));
        }

        return app;
    }

    public static RouteHandlerBuilder MapGet(this IEndpointRouteBuilder builder, Delegate handler, string pattern = "") =>
        builder.MapGet(pattern, handler).WithName(OperationId(handler));

    public static RouteHandlerBuilder MapPost(this IEndpointRouteBuilder builder, Delegate handler, string pattern = "") =>
        builder.MapPost(pattern, handler).WithName(OperationId(handler));

    public static RouteHandlerBuilder MapPut(this IEndpointRouteBuilder builder, Delegate handler, string pattern) =>
        builder.MapPut(pattern, handler).WithName(OperationId(handler));

    public static RouteHandlerBuilder MapDelete(this IEndpointRouteBuilder builder, Delegate handler, string pattern) =>
        builder.MapDelete(pattern, handler).WithName(OperationId(handler));

    private static string OperationId(Delegate handler)
    {
        var method = handler.Method;
        if (method.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) || method.Name.Contains('<'))
        {
            throw new ArgumentException("Endpoint handlers must be named methods: their names are the operation ids.", nameof(handler));
        }

        return method.Name;
    }
}
