using Ticketing.Infrastructure.Logging;
using Ticketing.Application;
using Ticketing.Infrastructure;
using Ticketing.Infrastructure.Data;
using Ticketing.WebApi;
using Ticketing.WebApi.Common;
using Ticketing.WebApi.Endpoints;
using Ticketing.WebApi.Live;

var builder = WebApplication.CreateBuilder(args);
builder.AddTicketingLogging("WebApi");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimitMiddleware.MaxBodyBytes);
builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure()
    .AddWebApi()
    .AddTicketingForwardedHeaders(builder.Configuration);

var app = builder.Build();

if (args.Contains("migrate"))
{
    // Outside Development this is how the schema is changed: explicitly, once, before new code starts.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    return;
}

await app.InitializeDatabaseAsync();

app.UseTicketingForwardedHeaders();
app.UseMiddleware<RequestIdMiddleware>();
app.UsePerimeterSecurity();
app.UseTicketingRequestLog();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
app.UseApiKeyGate();
// After authentication, so that signed-in callers are limited per user rather than per address.
app.UseMiddleware<AccountRateLimitMiddleware>();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi("/swagger/{documentName}/swagger.json");
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/swagger/v1/swagger.json", "Ticketing API v1");
    options.RoutePrefix = "swagger";
});
app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = HealthCheckResponses.WriteAsync });
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthCheckResponses.WriteAsync });
app.MapRootEndpoint();
app.MapEndpointGroups();
app.MapHub<LiveHub>(LiveHub.Path);
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentEndpoints();
    app.MapSimulatedGateway();
}

await app.RunAsync();

public partial class Program;
