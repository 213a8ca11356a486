using System.Text.RegularExpressions;
using Ticketing.Domain.Common;
using Ticketing.WebApi.Common;

namespace Ticketing.UnitTests.WebApi;

/// <summary>
/// The contract's error table (docs/api.md, "Errors") and the catalogue clients are answered from are one list:
/// a code added in the code but not documented, or documented but never raised, fails here.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    [Fact]
    public void The_error_table_in_api_md_lists_exactly_the_catalogue()
    {
        var documented = ErrorTable().SelectMany(row => row.Codes).ToHashSet(StringComparer.Ordinal);

        documented.Except(Errors.All.Select(c => c.Value)).ShouldBeEmpty("documented in api.md but not in Errors");
        Errors.All.Select(c => c.Value).Except(documented).ShouldBeEmpty("in Errors but not documented in api.md");
    }

    [Fact]
    public void Each_code_is_answered_with_the_status_its_row_of_the_table_gives()
    {
        var wrong = ErrorTable()
            .Where(row => row.Status is not null)
            .SelectMany(row => row.Codes.Select(code => (Code: code, row.Status)))
            .Select(d => (d.Code, Documented: d.Status!.Value, Served: Errors.All.SingleOrDefault(c => c.Value == d.Code)))
            .Where(d => d.Served is not null && ProblemDetailsExceptionHandler.StatusOf(d.Served.Kind) != d.Documented)
            .Select(d => $"{d.Code}: documented {d.Documented}, served {ProblemDetailsExceptionHandler.StatusOf(d.Served!.Kind)}");

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Codes_are_unique_and_shaped_as_clients_expect()
    {
        Errors.All.Select(c => c.Value).ShouldBeUnique();
        Errors.All.ShouldAllBe(c => CodeShape().IsMatch(c.Value));
    }

    [Fact]
    public void Every_kind_has_a_status()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            ProblemDetailsExceptionHandler.StatusOf(kind).ShouldBeInRange(400, 599);
        }
    }

    /// <summary>
    /// The rows of the table: the codes in backticks, and the status when the row is about one status
    /// (a row such as "409/422 (payments)" names each code's status in its text instead).
    /// </summary>
    private static IEnumerable<(int? Status, string[] Codes)> ErrorTable()
    {
        var api = File.ReadAllText(Path.Combine(Repository.Root, "docs", "api.md"));
        var section = api[api.IndexOf("\n## Errors", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| status", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var status = SingleStatus().Match(cells[1]);
            var codes = Code().Matches(cells[2]).Select(m => m.Groups[1].Value).ToArray();
            yield return (status.Success ? int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null, codes);
        }
    }

    [GeneratedRegex(@"^(\d{3})(?: \(.*\))?$")]
    private static partial Regex SingleStatus();

    [GeneratedRegex(@"`([A-Z][A-Z_]+)`")]
    private static partial Regex Code();

    [GeneratedRegex("^[A-Z]+(_[A-Z]+)*$")]
    private static partial Regex CodeShape();
}
