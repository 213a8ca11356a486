using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Identity;

/// <summary>
/// Sign-in codes have only a million values, so a plain hash of one is reversed by trying them all. The hash is
/// therefore an HMAC under a key the database never holds, derived (HKDF) from the JWT signing key: a secret that
/// every API instance already has, and a separate key for this purpose. Someone who can only read the database
/// learns no code and no reset token from it.
/// </summary>
public sealed class OneTimeSecrets(IOptions<JwtOptions> options) : IOneTimeSecrets
{
    private readonly byte[] _key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256,
        Encoding.UTF8.GetBytes(options.Value.SigningKey),
        outputLength: 32,
        salt: [],
        info: "ticketing one-time secrets v1"u8.ToArray());

    public string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Hash(string secret) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret)));
}
