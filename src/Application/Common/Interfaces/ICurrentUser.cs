using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>The caller of the current request (nobody for jobs and anonymous requests).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>The sign-in session the caller's access token was issued for.</summary>
    Guid? SessionId { get; }

    bool IsAuthenticated { get; }

    bool IsInRole(string role);

    /// <summary>Where the request came from, for the audit log (null for jobs).</summary>
    string? IpAddress { get; }

    bool IsAdmin => IsInRole(Roles.Admin);
}
