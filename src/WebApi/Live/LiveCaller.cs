using System.Security.Claims;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.WebApi.Live;

/// <summary>
/// The user of a live connection, as its access token describes them: hub methods run outside any HTTP request, so
/// <see cref="Ticketing.WebApi.Common.CurrentUser"/> cannot be trusted to name them (long polling answers on other requests).
/// </summary>
public sealed class LiveCaller(ClaimsPrincipal principal) : ICurrentUser
{
    public Guid? UserId => ClaimAsGuid(TokenClaims.Subject);

    public Guid? SessionId => ClaimAsGuid(TokenClaims.Session);

    public bool IsAuthenticated => principal.Identity?.IsAuthenticated == true && UserId is not null;

    public bool IsInRole(string role) => principal.IsInRole(role);

    public string? IpAddress => null;

    private Guid? ClaimAsGuid(string type) => Guid.TryParse(principal.FindFirstValue(type), out var value) ? value : null;
}
