using Ticketing.Domain.Common;

namespace Ticketing.Domain.ApiKeys;

/// <summary>
/// A key that identifies a client application (web shop, mobile app, partner) to the API-key gate. Only its hash
/// and public prefix are stored; it is issued once, may be revoked once, and a revoked key never works again.
/// </summary>
public sealed class ApiKey : AuditableEntity, IAggregateRoot
{
    public const int MaxNameLength = 100;

    private ApiKey()
    {
        Name = Prefix = KeyHash = string.Empty;
    }

    /// <summary>What the key is for, as the Admin named it ("web shop", "iOS app").</summary>
    public string Name { get; private set; }

    public string Prefix { get; private set; }

    public string KeyHash { get; private set; }

    /// <summary>Approximate (to about a minute): the gate records use at most once a minute per key.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static ApiKey Issue(string name, ApiKeySecret secret)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new DomainException(Errors.ValidationError, $"An API key needs a name of 1–{MaxNameLength} characters.");
        }

        return new ApiKey { Name = name, Prefix = secret.Prefix, KeyHash = secret.Hash };
    }

    public void Revoke(DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new DomainException(Errors.InvalidState, "The API key has already been revoked.");
        }

        RevokedAt = now;
    }
}
