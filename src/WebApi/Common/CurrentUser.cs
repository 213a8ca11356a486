using System.Security.Claims;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.WebApi.Common;

/// <summary>The caller, as the validated access token describes them.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId => ClaimAsGuid(TokenClaims.Subject);

    public Guid? SessionId => ClaimAsGuid(TokenClaims.Session);

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true && UserId is not null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private Guid? ClaimAsGuid(string type) =>
        Guid.TryParse(Principal?.FindFirstValue(type), out var value) ? value : null;
}
