using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Users;

/// <summary>Role names as clients may send them (any case) and as they are stored (canonical).</summary>
public static class RoleNames
{
    public static readonly string UnknownRoleMessage = $"Role must be one of: {string.Join(", ", Roles.All)}.";

    public static bool IsKnown(string? role) => Roles.All.Contains(role, StringComparer.OrdinalIgnoreCase);

    public static string Canonical(string role) => Roles.All.First(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
