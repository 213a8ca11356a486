using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Infrastructure.Payments;

/// <summary>Paystack's webhook signature: lowercase hex HMAC-SHA512 of the raw body, keyed with the secret key.</summary>
public static class WebhookSignature
{
    public static string Compute(string secretKey, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body));

    public static bool IsValid(string secretKey, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length != 128)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body));
    }
}
