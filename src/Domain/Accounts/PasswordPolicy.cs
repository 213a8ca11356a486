namespace Ticketing.Domain.Accounts;

public static class PasswordPolicy
{
    /// <summary>How many of an account's latest passwords, the current one included, a new password may not repeat.</summary>
    public const int RememberedPasswords = 5;
}
