using System.Reflection;
using NetArchTest.Rules;

namespace Ticketing.UnitTests.Architecture;

/// <summary>
/// The Application's features (Ticketing.Application.&lt;Feature&gt;) depend on each other without cycles, so each
/// can be read, changed and later split out starting from the ones it uses. Common is a feature like the others.
/// </summary>
public sealed class FeatureCycleTests
{
    private static readonly Assembly Application = typeof(Ticketing.Application.DependencyInjection).Assembly;
    private const string Root = "Ticketing.Application.";

    [Fact]
    public void The_features_form_no_dependency_cycle()
    {
        var edges = Edges();
        var cycles = edges.Keys
            .SelectMany(edge => Reaches(edges, edge.To, edge.From) ? [$"{edge.From} → {edge.To} (by {string.Join(", ", edges[edge])})"] : Array.Empty<string>());

        cycles.ShouldBeEmpty("each of these feature references lies on a cycle");
    }

    /// <summary>Feature → feature, with the types whose references make the edge (NetArchTest reads signatures and method bodies).</summary>
    private static Dictionary<(string From, string To), string[]> Edges()
    {
        var types = Types.InAssembly(Application);
        var features = Application.GetTypes()
            .Select(type => type.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(Root, StringComparison.Ordinal))
            .Select(ns => ns![Root.Length..].Split('.')[0])
            .Distinct()
            .ToList();

        var edges = new Dictionary<(string, string), string[]>();
        foreach (var from in features)
        {
            foreach (var to in features.Where(to => to != from))
            {
                // No feature's name begins another's, so the namespace prefix names exactly one feature.
                var result = types.That().ResideInNamespaceMatching($@"^{Root.Replace(".", @"\.")}{from}(\.|$)")
                    .ShouldNot().HaveDependencyOn(Root + to).GetResult();
                if (!result.IsSuccessful)
                {
                    edges[(from, to)] = [.. result.FailingTypes.Select(Outermost).Select(type => type.Name).Distinct().Order()];
                }
            }
        }

        return edges;
    }

    private static bool Reaches(Dictionary<(string From, string To), string[]> edges, string start, string target)
    {
        var seen = new HashSet<string> { start };
        var next = new Queue<string>([start]);
        while (next.TryDequeue(out var feature))
        {
            if (feature == target)
            {
                return true;
            }

            foreach (var (_, to) in edges.Keys.Where(edge => edge.From == feature && seen.Add(edge.To)))
            {
                next.Enqueue(to);
            }
        }

        return false;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }
}
