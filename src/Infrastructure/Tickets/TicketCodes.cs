using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Tickets;

/// <summary>
/// code = "T1." base64url(ticket id) "." base64url(first 16 bytes of HMAC-SHA256(key, ticket id)). 128 bits of
/// signature make guessing hopeless while keeping the QR small; verified in constant time before any lookup.
/// </summary>
public sealed class TicketCodes(IOptions<TicketOptions> options) : ITicketCodes
{
    private const string Prefix = "T1.";
    private const int SignatureBytes = 16;

    private readonly byte[] _key = System.Text.Encoding.UTF8.GetBytes(options.Value.CodeSigningKey);

    public string Issue(Guid ticketId)
    {
        var id = ticketId.ToByteArray(bigEndian: true);
        return $"{Prefix}{Base64UrlEncoder.Encode(id)}.{Base64UrlEncoder.Encode(Sign(id))}";
    }

    public Guid? Read(string code)
    {
        if (string.IsNullOrEmpty(code) || !code.StartsWith(Prefix, StringComparison.Ordinal) || code.Length > 100)
        {
            return null;
        }

        var parts = code[Prefix.Length..].Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        try
        {
            var id = Base64UrlEncoder.DecodeBytes(parts[0]);
            var signature = Base64UrlEncoder.DecodeBytes(parts[1]);
            return id.Length == 16 && CryptographicOperations.FixedTimeEquals(signature, Sign(id)) ? new Guid(id, bigEndian: true) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Sign(byte[] id) => HMACSHA256.HashData(_key, id)[..SignatureBytes];
}

/// <summary>Ticket settings (section "Tickets"). The signing key is a secret: configuration or environment only.</summary>
public sealed class TicketOptions
{
    public const string SectionName = "Tickets";

    [Required(ErrorMessage = "Tickets:CodeSigningKey is required: set it in configuration or the Tickets__CodeSigningKey environment variable.")]
    [MinLength(32, ErrorMessage = "Tickets:CodeSigningKey must be at least 32 characters.")]
    public string CodeSigningKey { get; set; } = string.Empty;
}
