using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Worker;

/// <summary>Jobs act as the system, never as a person: no user id, no roles.</summary>
public sealed class SystemUser : ICurrentUser
{
    public Guid? UserId => null;

    public Guid? SessionId => null;

    public bool IsAuthenticated => false;

    public bool IsInRole(string role) => false;

    public string? IpAddress => null;
}
