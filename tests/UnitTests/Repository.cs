namespace Ticketing.UnitTests;

/// <summary>The checkout the tests run from, for tests that hold the code and the docs to each other.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ticketing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ticketing.sln not found above the test binaries.");
    }
}
