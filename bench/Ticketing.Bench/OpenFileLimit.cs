namespace Ticketing.Bench;

/// <summary>This process's soft limit of open files (sockets count), from /proc/self/limits; unlimited elsewhere.</summary>
public static class OpenFileLimit
{
    public static int Soft()
    {
        const string path = "/proc/self/limits";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(soft, out var limit) ? limit : int.MaxValue;
    }
}
