using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Infrastructure.Payments.Paystack;

/// <summary>Paystack's webhook signature: the lowercase hex HMAC-SHA512 of the raw body, keyed with the secret key, in one header.</summary>
public static class PaystackSignature
{
    public const string HeaderName = "x-paystack-signature";

    public static string Compute(string secretKey, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body));

    public static bool IsValid(string secretKey, ReadOnlySpan<byte> body, string? signature)
    {
        // An empty key would make the HMAC forgeable by anyone.
        if (string.IsNullOrEmpty(secretKey) || signature is null || signature.Length != HMACSHA512.HashSizeInBytes * 2)
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HMACSHA512.HashSizeInBytes];
        if (Convert.FromHexString(signature, claimed, out _, out var written) != OperationStatus.Done || written != claimed.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA512.HashSizeInBytes];
        HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
