using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Domain.Queue;

/// <summary>
/// The pre-queue's order, so that arriving early gives no advantage. Anyone can recompute it:
/// <list type="number">
/// <item>take the event's revealed seed (32 bytes, hex) — its SHA-256 was published when the event was;</item>
/// <item>for each pre-queue entry id, compute HMAC-SHA256(key = seed bytes, message = the id as lowercase
/// hyphenated text in UTF-8, e.g. "0190a3b4-…");</item>
/// <item>sort the entries by that MAC as unsigned bytes, ascending: the first is rank 1.</item>
/// </list>
/// The seed is drawn when the event is published and kept secret until the sale opens, so nobody — the organizer
/// included — can place an entry by choosing when to join.
/// </summary>
public static class PreQueueDraw
{
    public const int SeedLength = 32;

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedLength);

    public static string Commitment(byte[] seed) => Convert.ToHexStringLower(SHA256.HashData(seed));

    public static IReadOnlyList<Guid> Order(byte[] seed, IEnumerable<Guid> entryIds)
    {
        using var hmac = new HMACSHA256(seed);
        return entryIds
            .Select(id => (Id: id, Mac: hmac.ComputeHash(Encoding.UTF8.GetBytes(id.ToString("D")))))
            .OrderBy(e => e.Mac, ByteOrder.Instance)
            .Select(e => e.Id)
            .ToList();
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
