namespace Ticketing.Application.Common.Live;

// The payloads of the hub's pushes (the WebApi's LivePushCatalogue names them; docs/asyncapi.json describes them).

public sealed record AdmittedPush(Guid EventId, string Token, DateTimeOffset ExpiresAt);

public sealed record QueuePositionPush(Guid EventId, int Position);

public sealed record SoldOutPush(Guid EventId);

public sealed record ClaimExpiringPush(Guid ClaimId, DateTimeOffset ExpiresAt);
