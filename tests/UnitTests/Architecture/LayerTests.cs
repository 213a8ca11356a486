using System.Reflection;
using NetArchTest.Rules;

namespace Ticketing.UnitTests.Architecture;

/// <summary>Dependencies point inward only: Domain ← Application ← Infrastructure ← WebApi, Worker.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Ticketing.Domain.Common.Entity).Assembly;
    private static readonly Assembly Application = typeof(Ticketing.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Ticketing.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly WebApi = typeof(Ticketing.WebApi.DependencyInjection).Assembly;
    private static readonly Assembly Worker = typeof(Ticketing.Worker.DependencyInjection).Assembly;

    [Fact]
    public void The_domain_depends_on_no_other_layer_and_does_no_IO() =>
        ShouldHold(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "Ticketing.Application", "Ticketing.Infrastructure", "Ticketing.WebApi", "Ticketing.Worker",
            "MediatR", "Microsoft.EntityFrameworkCore", "Npgsql", "System.Net.Http", "System.IO", "Microsoft.AspNetCore"));

    [Fact]
    public void The_application_depends_on_the_domain_only() =>
        ShouldHold(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "Ticketing.Infrastructure", "Ticketing.WebApi", "Ticketing.Worker", "Npgsql", "Microsoft.AspNetCore", "Quartz"));

    [Fact]
    public void The_application_opens_transactions_through_its_own_unit_of_work_not_EFs() =>
        ShouldHold(Types.InAssembly(Application).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore.Storage"));

    [Fact]
    public void Infrastructure_does_not_know_its_hosts() =>
        ShouldHold(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOnAny("Ticketing.WebApi", "Ticketing.Worker"));

    [Fact]
    public void The_hosts_do_not_know_each_other()
    {
        ShouldHold(Types.InAssembly(WebApi).ShouldNot().HaveDependencyOn("Ticketing.Worker"));
        ShouldHold(Types.InAssembly(Worker).ShouldNot().HaveDependencyOn("Ticketing.WebApi"));
    }

    /// <summary>
    /// WebApi composes the services (adapters included) and otherwise works through the Application's ports, so an
    /// adapter is whole in Infrastructure and can be swapped without touching an endpoint.
    /// </summary>
    [Fact]
    public void The_web_api_touches_infrastructure_only_where_it_composes_services()
    {
        var touching = Types.InAssembly(WebApi).ShouldNot().HaveDependencyOn("Ticketing.Infrastructure").GetResult().FailingTypes ?? [];

        var unexpected = touching.Select(Outermost).Distinct()
            .Where(type => !CompositionRoot.Contains(type.Name) && !InfrastructureExceptions.ContainsKey(type.Name))
            .Select(type => type.FullName);

        unexpected.ShouldBeEmpty();
    }

    [Fact]
    public void Every_exception_to_the_composition_rule_is_still_needed()
    {
        var touching = (Types.InAssembly(WebApi).ShouldNot().HaveDependencyOn("Ticketing.Infrastructure").GetResult().FailingTypes ?? [])
            .Select(type => Outermost(type).Name).ToHashSet();

        InfrastructureExceptions.Keys.Where(name => !touching.Contains(name)).ShouldBeEmpty();
    }

    [Fact]
    public void Endpoints_and_jobs_are_thin_they_send_commands_and_never_touch_the_database() =>
        ShouldHold(Types.InAssemblies([WebApi, Worker])
            .That().ResideInNamespaceMatching(@"Ticketing\.(WebApi\.Endpoints|Worker\.Jobs)")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Npgsql", "Ticketing.Infrastructure.Data"));

    [Fact]
    public void Jobs_are_named_after_what_they_do() =>
        ShouldHold(Types.InAssembly(Worker).That().ImplementInterface(typeof(Quartz.IJob)).Should().HaveNameEndingWith("Job"));

    /// <summary>Where the WebApi composes its services; Program is the top-level statements' class.</summary>
    private static readonly string[] CompositionRoot = ["Program", "DependencyInjection", "DatabaseStartup"];

    /// <summary>WebApi types that still use an Infrastructure type directly, each with the reason.</summary>
    private static readonly Dictionary<string, string> InfrastructureExceptions = new()
    {
        ["DevelopmentEndpoints"] = "Development only: shows the development mailbox, the email adapter's stand-in for a mail server",
        ["SimulatedGatewayEndpoints"] = "Development only: the simulated provider's own checkout page, the other side of its adapter, served by the only host with HTTP",
    };

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private static void ShouldHold(ConditionList condition)
    {
        var result = condition.GetResult();
        result.IsSuccessful.ShouldBeTrue($"Broken by: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
