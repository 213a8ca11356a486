namespace Ticketing.Application.Common.Security;

/// <summary>
/// Put on a request to require an authenticated caller and, with <see cref="Roles"/>, one of the named roles
/// (comma separated). Checked by the authorization behaviour, so the rule holds however the request arrives.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    public string Roles { get; init; } = string.Empty;
}
