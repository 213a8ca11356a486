namespace Ticketing.Application.Accounts;

public sealed record TokenPairDto(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");
