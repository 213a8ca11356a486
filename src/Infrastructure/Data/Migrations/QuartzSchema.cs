namespace Ticketing.Infrastructure.Data.Migrations;

/// <summary>Reads the Quartz job store script embedded in this assembly, one statement at a time.</summary>
internal static class QuartzSchema
{
    public static IEnumerable<string> Statements()
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream("Ticketing.Infrastructure.Data.Sql.quartz_tables_postgres.sql")
            ?? throw new InvalidOperationException("The embedded Quartz schema script is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split("\n--;;\n")
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }
}
