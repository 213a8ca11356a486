using System.Globalization;

namespace Ticketing.Domain.Common;

/// <summary>
/// A time written into a message or an export the way the API's JSON writes it (ISO 8601, the fraction without
/// trailing zeros), so a client comparing a 409's "already checked in at …" with the 200 before it sees one time,
/// not three spellings of it (issue 18).
/// </summary>
public static class TimeText
{
    public static string ToIso(this DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
