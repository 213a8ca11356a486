namespace Ticketing.Application.Common.Interfaces;

/// <summary>The random secrets mailed to prove ownership of an address, and the keyed hashes they are stored under.</summary>
public interface IOneTimeSecrets
{
    /// <summary>Six digits from a cryptographic random source, leading zeros included.</summary>
    string NewCode();

    /// <summary>256 random bits, base64url without padding, so it survives a URL unescaped.</summary>
    string NewToken();

    string Hash(string secret);
}
