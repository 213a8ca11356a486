using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>Mints access tokens (signed JWTs) and opaque refresh tokens.</summary>
public interface ITokenService
{
    TimeSpan RefreshTokenLifetime { get; }

    AccessToken CreateAccessToken(UserSummary user, Guid sessionId);

    /// <summary>A fresh random refresh token and the hash under which it is stored.</summary>
    (string Token, string Hash) CreateRefreshToken();

    string HashRefreshToken(string token);
}

public sealed record AccessToken(string Token, TimeSpan Lifetime);
