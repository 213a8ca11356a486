namespace Ticketing.WebApi.Common;

/// <summary>
/// Paths that only vulnerability scanners ask for: dot-files, admin panels and backups of other software. This API
/// serves none of them, so a request for one says something about the caller and is refused outright.
/// </summary>
/// <remarks>
/// A fixed list rather than a setting: it describes probes, not this deployment, and a configurable list is one
/// more thing to get wrong (an override that empties it by accident). Extend it here, with a test.
/// Pattern syntax: <c>/x*</c> matches any path starting with <c>/x</c>; <c>/x</c> and <c>/x/*</c> match
/// <c>/x</c> and everything below it. Matching ignores case.
/// </remarks>
public static class ScannerPaths
{
    public static readonly IReadOnlyList<string> Patterns =
    [
        "/.env*", // .env, .env.local, .env.production, .env.bak …
        "/.git/*",
        "/.aws/*",
        "/.ssh/*",
        "/.DS_Store",
        "/secrets/*",
        "/config/*",
        "/wp-admin*",
        "/wp-login.php",
        "/phpmyadmin*",
        "/server-status",
        "/backup*",
    ];

    private static readonly string[] Prefixes = Patterns.Where(IsPrefix).Select(p => p[..^1]).ToArray();

    private static readonly PathString[] Subtrees =
        Patterns.Where(p => !IsPrefix(p)).Select(p => new PathString(p.EndsWith("/*", StringComparison.Ordinal) ? p[..^2] : p)).ToArray();

    public static bool IsProbe(PathString path)
    {
        if (!path.HasValue)
        {
            return false;
        }

        foreach (var prefix in Prefixes)
        {
            if (path.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var subtree in Subtrees)
        {
            if (path.StartsWithSegments(subtree, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrefix(string pattern) => pattern.EndsWith('*') && !pattern.EndsWith("/*", StringComparison.Ordinal);
}
