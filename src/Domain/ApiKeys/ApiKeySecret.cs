using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Domain.ApiKeys;

/// <summary>
/// A freshly minted API key: <c>tk_</c> + an 8-hex-digit public prefix + <c>_</c> + 32 random bytes in base64url.
/// The key itself exists only until it has been shown once; what is kept is its SHA-256 <see cref="Hash"/> and the
/// <see cref="Prefix"/>, which lets people tell their keys apart without holding them.
/// </summary>
/// <remarks>
/// A plain hash is enough: with 256 random bits there is nothing to brute-force, and a slow password hash would
/// put a key-derivation function on every gated request. Deliberately not a record, so that no generated
/// <c>ToString</c> can ever write the key into a log.
/// </remarks>
public sealed class ApiKeySecret
{
    public const string Scheme = "tk_";

    private const int PrefixBytes = 4;
    private const int SecretBytes = 32;

    // tk_ + 8 hex digits + _ + 43 base64url characters (32 bytes, unpadded).
    private static readonly int KeyLength = Scheme.Length + (PrefixBytes * 2) + 1 + Base64Url.GetEncodedLength(SecretBytes);

    private ApiKeySecret(string key, string prefix)
    {
        Key = key;
        Prefix = prefix;
        Hash = HashOf(key);
    }

    /// <summary>The whole key, to be shown to the caller once and then forgotten.</summary>
    public string Key { get; }

    /// <summary>The public part (<c>tk_1a2b3c4d</c>), safe to store, list and log.</summary>
    public string Prefix { get; }

    /// <summary>Lower-case hex SHA-256 of the key: what is stored and looked up.</summary>
    public string Hash { get; }

    public static ApiKeySecret Generate()
    {
        var prefix = Scheme + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixBytes));
        var key = prefix + "_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new ApiKeySecret(key, prefix);
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Whether <paramref name="presented"/> has the shape of a key this system issues, so that noise in the header
    /// is refused without a database lookup.
    /// </summary>
    public static bool IsWellFormed(string? presented)
    {
        if (presented is null || presented.Length != KeyLength || !presented.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var prefix = presented.AsSpan(Scheme.Length, PrefixBytes * 2);
        var secret = presented.AsSpan(Scheme.Length + (PrefixBytes * 2) + 1);
        return presented[Scheme.Length + (PrefixBytes * 2)] == '_'
            && prefix.IndexOfAnyExcept("0123456789abcdef") < 0
            && Base64Url.IsValid(secret, out var decodedLength)
            && decodedLength == SecretBytes;
    }
}
