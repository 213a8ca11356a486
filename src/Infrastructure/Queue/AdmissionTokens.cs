using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Queue;

/// <summary>
/// token = base64url(entry ‖ event ‖ customer ‖ expiry as Unix ms, 56 bytes) "." base64url(HMAC-SHA256 of those bytes).
/// Deterministic, so the same admission always yields the same token; verified in constant time.
/// </summary>
public sealed class AdmissionTokens(IOptions<QueueOptions> options) : IAdmissionTokens
{
    private const int PayloadLength = 16 * 3 + 8;

    private readonly byte[] _key = System.Text.Encoding.UTF8.GetBytes(options.Value.AdmissionTokenKey);

    public string Issue(AdmissionTicket ticket)
    {
        var payload = new byte[PayloadLength];
        ticket.EntryId.TryWriteBytes(payload.AsSpan(0, 16), bigEndian: true, out _);
        ticket.EventId.TryWriteBytes(payload.AsSpan(16, 16), bigEndian: true, out _);
        ticket.CustomerId.TryWriteBytes(payload.AsSpan(32, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(48), ticket.ExpiresAt.ToUnixTimeMilliseconds());
        return $"{Base64UrlEncoder.Encode(payload)}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(_key, payload))}";
    }

    public AdmissionTicket? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64UrlEncoder.DecodeBytes(parts[0]);
            signature = Base64UrlEncoder.DecodeBytes(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (payload.Length != PayloadLength || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return null;
        }

        return new AdmissionTicket(
            new Guid(payload.AsSpan(0, 16), bigEndian: true),
            new Guid(payload.AsSpan(16, 16), bigEndian: true),
            new Guid(payload.AsSpan(32, 16), bigEndian: true),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(48))));
    }
}
