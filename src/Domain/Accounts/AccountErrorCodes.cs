namespace Ticketing.Domain.Accounts;

/// <summary>Error codes of password rules (api.md, "Accounts"): INVALID_RESET_TOKEN is 400, PASSWORD_REUSED 409.</summary>
public static class AccountErrorCodes
{
    public const string InvalidResetToken = "INVALID_RESET_TOKEN";
    public const string PasswordReused = "PASSWORD_REUSED";
}
