using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using NetArchTest.Rules;
using Ticketing.Worker;

namespace Ticketing.UnitTests.Architecture;

/// <summary>The names of style.md: a use case's command or query, its handler and its validator are found by its name.</summary>
public sealed partial class NamingTests
{
    private static readonly Assembly Application = typeof(Ticketing.Application.DependencyInjection).Assembly;
    private static readonly Assembly Worker = typeof(Ticketing.Worker.DependencyInjection).Assembly;

    public static TheoryData<Type> Jobs() =>
        new(Worker.GetTypes().Where(t => typeof(Quartz.IJob).IsAssignableFrom(t) && !t.IsAbstract));

    [Theory]
    [MemberData(nameof(Jobs))]
    public void A_job_is_named_after_the_command_it_sends(Type job)
    {
        job.Name.ShouldEndWith("Job");
        var commandName = job.Name[..^"Job".Length] + "Command";
        var command = Requests().SingleOrDefault(t => t.Name == commandName)
            .ShouldNotBeNull($"{job.Name} is named after {commandName}, which does not exist");

        var sends = Types.InAssembly(Worker).That().HaveName(job.Name).Should().HaveDependencyOn(command.FullName).GetResult();
        sends.IsSuccessful.ShouldBeTrue($"{job.Name} does not send {commandName}");
    }

    [Fact]
    public void A_job_is_scheduled_under_its_own_name_in_kebab_case()
    {
        var misnamed = DependencyInjection.Schedule.Where(entry => entry.Name != Kebab(entry.Job.Name[..^"Job".Length])).Select(entry => $"{entry.Job.Name} as {entry.Name}");

        misnamed.ShouldBeEmpty();
    }

    [Fact]
    public void A_request_is_a_command_or_a_query_named_after_its_use_case_folder()
    {
        // Application.<Feature>.Commands.<UseCase>.<UseCase>Command, and the same for queries.
        var misnamed = Requests()
            .Where(t => !Regex.IsMatch(t.FullName!, $@"^Ticketing\.Application\.\w+\.(Commands\.(?<case>\w+)\.\k<case>Command|Queries\.(?<case>\w+)\.\k<case>Query)$"))
            .Select(t => t.FullName);

        misnamed.ShouldBeEmpty();
    }

    [Fact]
    public void A_handler_is_named_after_its_request_and_sits_beside_it()
    {
        var misnamed = Application.GetTypes()
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && IsRequestHandler(i.GetGenericTypeDefinition())).Select(i => (Handler: t, Request: i.GetGenericArguments()[0])))
            .Where(pair => pair.Handler.Name != pair.Request.Name + "Handler" || pair.Handler.Namespace != pair.Request.Namespace)
            .Select(pair => $"{pair.Handler.FullName} handles {pair.Request.FullName}");

        misnamed.ShouldBeEmpty();
    }

    [Fact]
    public void A_validator_is_named_after_what_it_validates_and_sits_beside_it()
    {
        var misnamed = Application.GetTypes()
            .Where(t => t.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            .Select(t => (Validator: t, Validated: t.BaseType!.GetGenericArguments()[0]))
            .Where(pair => pair.Validator.Name != pair.Validated.Name + "Validator" || pair.Validator.Namespace != pair.Validated.Namespace)
            .Select(pair => $"{pair.Validator.FullName} validates {pair.Validated.FullName}");

        misnamed.ShouldBeEmpty();
    }

    private static IEnumerable<Type> Requests() =>
        Application.GetTypes().Where(t => typeof(IBaseRequest).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });

    private static bool IsRequestHandler(Type definition) =>
        definition == typeof(IRequestHandler<>) || definition == typeof(IRequestHandler<,>);

    private static string Kebab(string pascal) => UpperAfterLower().Replace(pascal, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
