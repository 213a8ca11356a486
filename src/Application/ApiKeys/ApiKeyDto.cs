namespace Ticketing.Application.ApiKeys;

/// <summary>An API key as listed: never the key itself, nor its hash.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The answer to issuing a key: the only time the key is ever shown.</summary>
public sealed record IssuedApiKeyDto(Guid Id, string Key);
