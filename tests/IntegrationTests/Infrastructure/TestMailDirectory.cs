using System.Diagnostics;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>
/// Where the Development mailbox writes its files during a test run: a folder of this run's own (named after the
/// process), removed when the run ends. A shared folder grew by hundreds of files a run and was never emptied; a run
/// that was killed cannot remove its folder, so the next run removes the folders of runs that are no longer alive.
/// </summary>
public static class TestMailDirectory
{
    public const string Prefix = "ticketing-test-mail-";

    public static string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");

    public static void Remove()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    public static void RemoveThoseOfDeadRuns()
    {
        foreach (var directory in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
        {
            var pidText = System.IO.Path.GetFileName(directory)[Prefix.Length..].Split('-')[0];
            if (int.TryParse(pidText, out var pid) && !IsAlive(pid))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
